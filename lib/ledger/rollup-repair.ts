import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { ROLLUP_KEYS, ROLLUP_SELECT, ROLLUP_SUMS } from "@/lib/clickhouse/migrations/rollup";
import type { OrgHours } from "./org-hours";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Checks and repairs spend_hourly against llm_events for given org-hours. The rollup an hour should
 * have is the materialized view's own SELECT over the hour's raw rows (every version and sign, merged
 * or not: a cancelling row and its live row fold away together, so the sums do not move); the
 * difference from the rollup rows present is inserted as rows of its own, which the SummingMergeTree
 * adds up. Nothing is deleted, and running it twice inserts nothing the second time, so a repair cut
 * short by a crash is simply run again.
 *
 * The caller must hold the ledger lock exclusively: a write landing mid-repair would be counted
 * twice (see lock.ts).
 */
export type RollupRow = Record<string, string | number>;

/** Hours per statement: bounds the size of the bound array parameter. */
const HOURS_PER_QUERY = 5000;

/**
 * Rows to add so that the rollup of these org-hours equals what their raw rows derive. One query per
 * organization (and 5000 hours): reading is not limited to 100 partitions, and one scan of an
 * organization's key range beats one per month (measured: 600 org-hours over 30 months, 5-10 s as
 * one query a month on a loaded machine).
 */
export async function rollupDifferences(orgHours: OrgHours): Promise<RollupRow[]> {
  const out: RollupRow[] = [];
  for (const [org, hours] of orgHours) {
    const sorted = [...hours].sort();
    for (let i = 0; i < sorted.length; i += HOURS_PER_QUERY) out.push(...(await differencesIn(org, sorted.slice(i, i + HOURS_PER_QUERY))));
  }
  return out;
}

export type RepairResult = { rows: number; requests: number };

/** Inserts the differences, one INSERT per month (one partition each). */
export async function repairRollup(orgHours: OrgHours): Promise<RepairResult> {
  const diff = await rollupDifferences(orgHours);
  const byMonth = new Map<string, RollupRow[]>();
  for (const r of diff) {
    const m = String(r.hour).slice(0, 7);
    let rows = byMonth.get(m);
    if (!rows) byMonth.set(m, (rows = []));
    rows.push(r);
  }
  for (const rows of byMonth.values()) await chInsert(SPEND_HOURLY, rows, { tag: "ledger.repair.insert" });
  return { rows: diff.length, requests: diff.reduce((s, r) => s + Number(r.requests), 0) };
}

/** `hours` sorted; the ts bounds let the engine skip partitions and granules outside them. */
async function differencesIn(org: string, hours: string[]): Promise<RollupRow[]> {
  const keys = ROLLUP_KEYS.join(", ");
  return chQuery<RollupRow>(
    `SELECT ${keys}, ${ROLLUP_SUMS.map((c) => `sum(${c}) AS ${c}`).join(", ")}
     FROM (
       ${ROLLUP_SELECT}
       WHERE org_id = {org:String} AND ts >= {from:DateTime('UTC')} AND ts < {to:DateTime('UTC')} + INTERVAL 1 HOUR
         AND toStartOfHour(ts) IN {hours:Array(DateTime('UTC'))}
       UNION ALL
       SELECT ${keys}, ${ROLLUP_SUMS.map((c) => `-r.${c} AS ${c}`).join(", ")}
       FROM ${SPEND_HOURLY} AS r
       WHERE org_id = {org:String} AND hour IN {hours:Array(DateTime('UTC'))}
     )
     GROUP BY ${keys}
     HAVING ${ROLLUP_SUMS.map((c) => `${c} != 0`).join(" OR ")}`,
    { tag: "ledger.repair.diff", params: { org, hours, from: hours[0], to: hours[hours.length - 1] }, timeoutSeconds: 300 },
  );
}
