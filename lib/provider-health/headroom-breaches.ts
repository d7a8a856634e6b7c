import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { chDateTime } from "@/lib/clickhouse/time";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

export type HeadroomBreach = {
  provider: string;
  model: string;
  kind: "requests" | "tokens";
  latest_share: number;
  min_share: number;
  remaining: number;
  limit: number;
  reset_s: number | null;
};

/**
 * The rate limits whose headroom has stayed under `percent` for at least `minutes` up to `now`: the
 * last reading before the window was already under, and every reading inside it is under. Readings
 * come with traffic, so "stayed" is what the readings show; with no reading in the window (no
 * traffic, or the sender stopped forwarding headers) nothing holds and an open alert resolves.
 */
export async function headroomBreaches(orgId: string, now: Date, percent: number, minutes: number): Promise<HeadroomBreach[]> {
  const windowStart = new Date(now.getTime() - minutes * 60_000);
  const lookback = new Date(windowStart.getTime() - 60 * 60_000);
  const rows = await chQuery<Record<string, string | number | null>>(
    `SELECT provider, model, kind,
       countIf(ts > {start:DateTime64(3)}) AS in_window,
       maxIf(share, ts > {start:DateTime64(3)}) AS window_max,
       minIf(share, ts > {start:DateTime64(3)}) AS window_min,
       countIf(ts <= {start:DateTime64(3)}) AS before,
       argMaxIf(share, ts, ts <= {start:DateTime64(3)}) AS before_share,
       argMax(share, ts) AS latest_share,
       argMax(remaining, ts) AS latest_remaining,
       argMax(lim, ts) AS latest_limit,
       argMax(reset_s, ts) AS latest_reset_s
     FROM (
       SELECT provider, model, ts,
         arrayJoin([
           ('requests', rl_requests_remaining, rl_requests_limit, rl_requests_reset_s),
           ('tokens', rl_tokens_remaining, rl_tokens_limit, rl_tokens_reset_s)]) AS reading,
         reading.1 AS kind, reading.2 AS remaining, reading.3 AS lim, reading.4 AS reset_s,
         remaining / lim AS share
       FROM ${LLM_EVENTS} FINAL
       WHERE org_id = {org:String} AND ts > {lookback:DateTime64(3)} AND ts <= {now:DateTime64(3)} AND sign = 1
         AND (rl_requests_limit > 0 OR rl_tokens_limit > 0)
     )
     WHERE lim > 0 AND remaining IS NOT NULL
     GROUP BY provider, model, kind
     HAVING in_window > 0 AND window_max < {share:Float64} AND before > 0 AND before_share < {share:Float64}
     ORDER BY provider, model, kind
     LIMIT 1000`,
    {
      tag: "provider-health.headroom-breaches",
      params: { org: orgId, start: chDateTime(windowStart), lookback: chDateTime(lookback), now: chDateTime(now), share: percent / 100 },
    },
  );
  return rows.map((r) => ({
    provider: String(r.provider),
    model: String(r.model),
    kind: r.kind === "tokens" ? "tokens" : "requests",
    latest_share: Number(r.latest_share),
    min_share: Math.min(Number(r.window_min), Number(r.before_share)),
    remaining: Number(r.latest_remaining),
    limit: Number(r.latest_limit),
    reset_s: r.latest_reset_s === null ? null : Number(r.latest_reset_s),
  }));
}
