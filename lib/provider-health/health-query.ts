import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { chDateTime } from "@/lib/clickhouse/time";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/** The headroom one rate limit (requests or tokens) had: latest reading and lowest share in the window. */
export type Headroom = {
  /** remaining / limit of the latest reading, 0..1 */
  latest_share: number;
  remaining: number;
  limit: number;
  /** seconds until the provider said the limit resets, as of the latest reading; null = not reported */
  reset_s: number | null;
  /** when the latest reading was taken */
  at: string;
  /** the lowest remaining / limit seen in the window */
  min_share: number;
};

export type ProviderHealthRow = {
  provider: string;
  model: string;
  requests: number;
  errors: number;
  error_rate: number;
  http_429: number;
  /** null when no event of the window reported it */
  latency_ms_p50: number | null;
  latency_ms_p95: number | null;
  ttft_ms_p50: number | null;
  ttft_ms_p95: number | null;
  headroom_requests: Headroom | null;
  headroom_tokens: Headroom | null;
};

// Raw events, read FINAL: a re-cost writes a cancelling row and a new version of an event, and a
// quantile cannot subtract the cancelled one the way a signed sum can. An error is either what the
// sender called an error or an HTTP status of 400 or more.
const HEADROOM = (kind: "requests" | "tokens") => `
  countIf(rl_${kind}_limit > 0 AND rl_${kind}_remaining IS NOT NULL) AS ${kind}_readings,
  argMaxIf(rl_${kind}_remaining, ts, rl_${kind}_limit > 0 AND rl_${kind}_remaining IS NOT NULL) AS ${kind}_remaining,
  argMaxIf(rl_${kind}_limit, ts, rl_${kind}_limit > 0 AND rl_${kind}_remaining IS NOT NULL) AS ${kind}_limit,
  argMaxIf(rl_${kind}_reset_s, ts, rl_${kind}_limit > 0 AND rl_${kind}_remaining IS NOT NULL) AS ${kind}_reset_s,
  maxIf(ts, rl_${kind}_limit > 0 AND rl_${kind}_remaining IS NOT NULL) AS ${kind}_at,
  minIf(rl_${kind}_remaining / rl_${kind}_limit, rl_${kind}_limit > 0 AND rl_${kind}_remaining IS NOT NULL) AS ${kind}_min_share`;

const ANY_READING = "(rl_requests_limit > 0 AND rl_requests_remaining IS NOT NULL) OR (rl_tokens_limit > 0 AND rl_tokens_remaining IS NOT NULL)";

type RawRow = Record<string, string | number | null | (number | null)[]>;

/** Per provider and model over [from, to): volume, errors, 429s, latency and TTFT quantiles, headroom. */
export async function providerHealth(orgId: string, from: Date, to: Date): Promise<ProviderHealthRow[]> {
  const rows = await chQuery<RawRow>(
    `SELECT provider, model,
       count() AS requests,
       countIf(status = 'error' OR http_status >= 400) AS errors,
       countIf(http_status = 429) AS http_429,
       countIf(latency_ms IS NOT NULL) AS latency_count,
       quantilesIf(0.5, 0.95)(latency_ms, latency_ms IS NOT NULL) AS latency_q,
       countIf(ttft_ms IS NOT NULL) AS ttft_count,
       quantilesIf(0.5, 0.95)(ttft_ms, ttft_ms IS NOT NULL) AS ttft_q,
       ${HEADROOM("requests")},
       ${HEADROOM("tokens")}
     FROM ${LLM_EVENTS} FINAL
     WHERE org_id = {org:String} AND ts >= {from:DateTime64(3)} AND ts < {to:DateTime64(3)} AND sign = 1
     GROUP BY provider, model
     ORDER BY requests DESC, provider, model
     LIMIT 500`,
    { tag: "provider-health.summary", params: { org: orgId, from: chDateTime(from), to: chDateTime(to) } },
  );
  return rows.map(toHealthRow);
}

function toHealthRow(r: RawRow): ProviderHealthRow {
  const n = (k: string) => Number(r[k] ?? 0);
  const q = (k: string, i: number, countKey: string) => (n(countKey) > 0 ? round1(Number((r[k] as number[])[i])) : null);
  const requests = n("requests");
  const errors = n("errors");
  return {
    provider: String(r.provider),
    model: String(r.model),
    requests,
    errors,
    error_rate: requests ? errors / requests : 0,
    http_429: n("http_429"),
    latency_ms_p50: q("latency_q", 0, "latency_count"),
    latency_ms_p95: q("latency_q", 1, "latency_count"),
    ttft_ms_p50: q("ttft_q", 0, "ttft_count"),
    ttft_ms_p95: q("ttft_q", 1, "ttft_count"),
    headroom_requests: headroomOf(r, "requests"),
    headroom_tokens: headroomOf(r, "tokens"),
  };
}

function headroomOf(r: RawRow, kind: "requests" | "tokens"): Headroom | null {
  if (!Number(r[`${kind}_readings`])) return null;
  const remaining = Number(r[`${kind}_remaining`]);
  const limit = Number(r[`${kind}_limit`]);
  const reset = r[`${kind}_reset_s`];
  return {
    latest_share: remaining / limit,
    remaining,
    limit,
    reset_s: reset === null || reset === undefined ? null : round1(Number(reset)),
    at: isoOf(String(r[`${kind}_at`])),
    min_share: Number(r[`${kind}_min_share`]),
  };
}

export type HealthPoint = {
  ts: string;
  provider: string;
  requests: number;
  errors: number;
  http_429: number;
  latency_ms_p95: number | null;
  /** lowest remaining/limit (requests or tokens) seen in the bucket; null = no reading */
  headroom_min_share: number | null;
};

/** Per provider and hour (ranges up to two days) or day: what the page charts. */
export async function healthSeries(orgId: string, from: Date, to: Date): Promise<{ interval: "hour" | "day"; points: HealthPoint[] }> {
  const interval = to.getTime() - from.getTime() <= 2 * 86_400_000 ? "hour" : "day";
  const bucket = interval === "hour" ? "toStartOfHour(ts)" : "toStartOfDay(ts)";
  const rows = await chQuery<RawRow>(
    `SELECT ${bucket} AS bucket, provider,
       count() AS requests,
       countIf(status = 'error' OR http_status >= 400) AS errors,
       countIf(http_status = 429) AS http_429,
       countIf(latency_ms IS NOT NULL) AS latency_count,
       quantileIf(0.95)(latency_ms, latency_ms IS NOT NULL) AS latency_p95,
       minIf(least(ifNull(rl_requests_remaining / nullIf(rl_requests_limit, 0), 2), ifNull(rl_tokens_remaining / nullIf(rl_tokens_limit, 0), 2)),
             ${ANY_READING}) AS headroom_min,
       countIf(${ANY_READING}) AS readings
     FROM ${LLM_EVENTS} FINAL
     WHERE org_id = {org:String} AND ts >= {from:DateTime64(3)} AND ts < {to:DateTime64(3)} AND sign = 1
     GROUP BY bucket, provider
     ORDER BY bucket, provider
     LIMIT 20000`,
    { tag: "provider-health.series", params: { org: orgId, from: chDateTime(from), to: chDateTime(to) } },
  );
  return {
    interval,
    points: rows.map((r) => ({
      ts: isoOf(String(r.bucket)),
      provider: String(r.provider),
      requests: Number(r.requests),
      errors: Number(r.errors),
      http_429: Number(r.http_429),
      latency_ms_p95: Number(r.latency_count) ? round1(Number(r.latency_p95)) : null,
      headroom_min_share: Number(r.readings) ? Number(r.headroom_min) : null,
    })),
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** ClickHouse's "YYYY-MM-DD hh:mm:ss[.sss]" in UTC as ISO 8601. */
export function isoOf(chTime: string): string {
  return new Date(chTime.replace(" ", "T") + "Z").toISOString();
}
