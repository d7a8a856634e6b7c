import path from "node:path";
import { Session, drainPending } from "chdb";
import { rawRollupMismatchesSql, type HourMismatch } from "../../lib/ledger/consistency-sql";
import { LLM_EVENTS, SPEND_HOURLY } from "../../lib/clickhouse/tables";

/**
 * What a stopped server's data directory holds, read by opening it from the test process (the
 * embedded engine admits one process per directory, so only while no server runs; the session is
 * closed again before the next start).
 */
export type StoreState = {
  /** Per organization, the ids whose rows add up to one live event. */
  live: Map<string, Set<string>>;
  /** Ids whose signs add up to more than one event, or less than none. */
  miscounted: { org_id: string; event_id: string; s: string }[];
  /** Per organization, the requests the rollup counts. */
  rollupRequests: Map<string, number>;
  /** Org-hours where the rollup differs from the raw events (requests, tokens or cost). */
  mismatches: HourMismatch[];
};

export async function readStore(dataDir: string): Promise<StoreState> {
  const session = new Session(path.join(dataDir, "clickhouse"));
  try {
    const rows = async <T>(sql: string) => (await session.queryAsync(sql, { format: "JSONEachRow" })).text().split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
    const ids = await rows<{ org_id: string; event_id: string; s: string }>(`SELECT org_id, event_id, sum(sign) AS s FROM ${LLM_EVENTS} GROUP BY org_id, event_id`);
    const live = new Map<string, Set<string>>();
    for (const r of ids) {
      if (Number(r.s) !== 1) continue;
      if (!live.has(r.org_id)) live.set(r.org_id, new Set());
      live.get(r.org_id)!.add(r.event_id);
    }
    const rollup = await rows<{ org_id: string; n: string }>(`SELECT org_id, sum(requests) AS n FROM ${SPEND_HOURLY} GROUP BY org_id`);
    return {
      live,
      miscounted: ids.filter((r) => Number(r.s) !== 1 && Number(r.s) !== 0),
      rollupRequests: new Map(rollup.map((r) => [r.org_id, Number(r.n)])),
      mismatches: await rows<HourMismatch>(rawRollupMismatchesSql()),
    };
  } finally {
    session.close();
    await drainPending();
  }
}
