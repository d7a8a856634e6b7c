import "server-only";
import type { AlertCondition } from "@/lib/alert-contract/condition";
import { RunawayDetector } from "@/lib/anomalies/runaway";
import { round } from "./anomaly-conditions";
import { HOUR_MS, readRecentRequests, type RecentRequest } from "./ledger-reads";
import { overviewUrl, scopeRecord, SEVERITY_LEVEL } from "./links";
import type { Severity } from "@/lib/alert-contract/condition";
import type { MonitorConfig } from "./types";

/** Requests of the last minutes are judged... */
export const RUNAWAY_WINDOW_MS = 15 * 60_000;
/** ...against up to this many earlier requests of their feature from the last hours (a bounded read). */
const HISTORY_MS = 3 * HOUR_MS;
const PER_FEATURE = 200;
const MAX_ROWS = 20_000;

function severity(ratio: number, costUsd: number): Severity {
  if (ratio >= 100 || costUsd >= 50) return "critical";
  if (ratio >= 20 || costUsd >= 5) return "warning";
  return "info";
}

/**
 * Requests that cost many times their feature's norm (RunawayDetector: median and MAD of the
 * feature's recent requests). One condition per feature and hour (the costliest runaway of it), so a
 * loop of runaways is one alert, and a new hour of runaways is a new one.
 */
export async function runawayConditions(m: MonitorConfig, now: Date): Promise<AlertCondition[]> {
  const t = now.getTime();
  const requests = await readRecentRequests(m.orgId, m.scope, new Date(t - HISTORY_MS), new Date(t + 1), PER_FEATURE, MAX_ROWS);
  const detector = new RunawayDetector();
  const worst = new Map<string, { r: RecentRequest; usual: number; ratio: number }>();
  for (const r of requests) {
    const v = detector.check({ key: r.feature, cost: r.costUsd });
    if (!v.flagged || r.ts < t - RUNAWAY_WINDOW_MS) continue;
    const f = v.findings.find((x) => x.metric === "cost")!;
    const id = `${r.feature}\u0000${Math.floor(r.ts / HOUR_MS)}`;
    const prev = worst.get(id);
    if (!prev || f.ratio > prev.ratio) worst.set(id, { r, usual: f.usual, ratio: f.ratio });
  }
  return [...worst.values()].map(({ r, usual, ratio }) => {
    const hour = Math.floor(r.ts / HOUR_MS);
    const filters = { ...m.scope, feature: [r.feature] };
    const sev = severity(ratio, r.costUsd);
    return {
      dedupKey: `runaway:${m.id}:feature=${r.feature}:${new Date(hour * HOUR_MS).toISOString()}`,
      kind: "runaway",
      severity: sev,
      level: SEVERITY_LEVEL[sev],
      title: `Runaway request on feature=${r.feature || "(none)"}: $${r.costUsd.toFixed(2)}, ${Math.round(ratio)}x its usual $${usual.toFixed(4)}`,
      scope: scopeRecord(filters),
      numbers: { cost_usd: round(r.costUsd), norm_usd: round(usual, 8), ratio: round(ratio, 2), event_id: r.eventId },
      cause: [],
      url: overviewUrl(filters, (hour - 24) * HOUR_MS, (hour + 1) * HOUR_MS),
      channelIds: m.channelIds,
    } satisfies AlertCondition;
  });
}
