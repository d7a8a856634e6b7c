import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { LATENCY_KEYS, LATENCY_ROW_WHERE, LATENCY_SELECT } from "@/lib/clickhouse/migrations/slos";
import { isEmbedded } from "@/lib/config/env";
import { intentLog } from "@/lib/ledger/intents";
import { ledgerLock } from "@/lib/ledger/lock";
import { countHours, mergeOrgHours, type OrgHours } from "@/lib/ledger/org-hours";
import { LATENCY_HOURLY } from "@/lib/clickhouse/tables";

/**
 * Check and repair of latency_hourly against llm_events, the same way lib/ledger/rollup-repair.ts
 * does it for spend_hourly: the histogram an hour should have is the view's own SELECT over the hour's
 * raw rows; the difference from the rows present is inserted, and the SummingMergeTree adds it up.
 * Idempotent (a second run inserts nothing), so a repair cut short is simply run again.
 * The caller holds the ledger lock exclusively (a write landing mid-repair would count twice).
 */
type Row = Record<string, string | number>;
const KEYS = LATENCY_KEYS.join(", ");
const HOURS_PER_QUERY = 5000;

export async function latencyDifferences(orgHours: OrgHours): Promise<Row[]> {
  const out: Row[] = [];
  for (const [org, set] of orgHours) {
    const hours = [...set].sort();
    for (let i = 0; i < hours.length; i += HOURS_PER_QUERY) {
      const part = hours.slice(i, i + HOURS_PER_QUERY);
      out.push(
        ...(await chQuery<Row>(
          `SELECT ${KEYS}, sum(requests) AS requests FROM (
             ${LATENCY_SELECT}
             WHERE ${LATENCY_ROW_WHERE} AND org_id = {org:String}
               AND ts >= {from:DateTime('UTC')} AND ts < {to:DateTime('UTC')} + INTERVAL 1 HOUR
               AND toStartOfHour(ts) IN {hours:Array(DateTime('UTC'))}
             UNION ALL
             SELECT ${KEYS}, -l.requests AS requests FROM ${LATENCY_HOURLY} AS l
             WHERE org_id = {org:String} AND hour IN {hours:Array(DateTime('UTC'))}
           ) GROUP BY ${KEYS} HAVING requests != 0`,
          { tag: "slos.latency.diff", params: { org, hours: part, from: part[0], to: part[part.length - 1] }, timeoutSeconds: 300 },
        )),
      );
    }
  }
  return out;
}

/** Inserts the differences, one INSERT per month (one partition each). */
export async function repairLatencyRollup(orgHours: OrgHours): Promise<{ rows: number }> {
  const diff = await latencyDifferences(orgHours);
  const byMonth = new Map<string, Row[]>();
  for (const r of diff) {
    const m = String(r.hour).slice(0, 7);
    byMonth.set(m, [...(byMonth.get(m) ?? []), r]);
  }
  for (const rows of byMonth.values()) await chInsert(LATENCY_HOURLY, rows, { tag: "slos.latency.repair" });
  return { rows: diff.length };
}

/**
 * Start-up, before the ledger's own repair clears the intents: the hours of every write a crash cut
 * short get their latency histogram checked and repaired. Without a ClickHouse-wide lock (server
 * mode) it only reports, like the ledger.
 */
export async function repairLatencyAfterInterruptedWrites({ log }: { log: (line: string) => void }): Promise<{ rows: number }> {
  const open = await intentLog().listOpen();
  if (!open.length || !isEmbedded()) return { rows: 0 };
  const orgHours = mergeOrgHours(open.map((i) => i.orgHours));
  const result = await ledgerLock().exclusive(() => repairLatencyRollup(orgHours));
  if (result.rows) log(`slos: latency histogram of ${countHours(orgHours)} org-hours repaired (${result.rows} rows)`);
  return result;
}
