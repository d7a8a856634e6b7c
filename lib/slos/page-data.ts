import "server-only";
import { db } from "@/lib/db/prisma";
import { worstBadEvents, type BreachEvent } from "./breaches";
import { sloDetail } from "./status-load";
import type { ChartPoint } from "./status";
import type { SloConfig, SloStatus } from "./types";

export type OpenSloAlert = { id: string; severity: string; state: string; title: string; openedAt: string };

export type SloPageData = { status: SloStatus; chart: ChartPoint[]; breaches: BreachEvent[]; alerts: OpenSloAlert[] };

/** Everything the SLO's page shows: status, hourly burn and budget series, worst bad events, its open alerts. */
export async function sloPageData(slo: SloConfig, now = new Date()): Promise<SloPageData> {
  const { status, chart } = await sloDetail(slo, now);
  const breaches = await worstBadEvents(slo, status.windowStart, new Date(now.getTime() + 1));
  const rows = await db().alert.findMany({
    where: { orgId: slo.orgId, sourceType: "slo", sourceId: slo.id, state: { in: ["open", "acknowledged"] } },
    orderBy: { openedAt: "desc" },
  });
  return {
    status,
    chart,
    breaches,
    alerts: rows.map((a) => ({ id: a.id, severity: a.severity, state: a.state, title: a.title, openedAt: a.openedAt.toISOString() })),
  };
}
