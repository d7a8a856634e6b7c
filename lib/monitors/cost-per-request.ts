import "server-only";
import type { AlertCondition } from "@/lib/alert-contract/condition";
import { round } from "./anomaly-conditions";
import { explainSeries, memoCause } from "./cause";
import type { LiveHours, PassClock } from "./feed";
import { HOUR_MS } from "./ledger-reads";
import { overviewUrl, scopeRecord, SEVERITY_LEVEL, seriesDedupKey, seriesFilters, seriesLabel, severityFor, usd } from "./links";
import type { SeriesState } from "./series-cache";
import type { MonitorConfig, Sensitivity } from "./types";

/** Cost per request this many times the last week's, for the window to count as "up". */
export const CPR_RATIO: Record<Sensitivity, number> = { low: 2, medium: 1.5, high: 1.3 };
/** Requests within ±50% of the same window yesterday or a week ago count as flat. */
export const FLAT_REQUESTS = 0.5;
/** Fewer priced requests than this in the window say nothing about their average cost. */
export const MIN_WINDOW_REQUESTS = 20;
const MIN_BASELINE_REQUESTS = 50;

export type CprCandidate = {
  key: string;
  cprNow: number;
  cprBase: number;
  requestsChange: number;
  impactUsd: number;
  windowRequests: number;
};

/**
 * Cost per request up while traffic is flat (prompt bloat, a model change, a missing max_tokens):
 * the window is the last whole hour and the hour in progress; the baseline is the same clock window
 * on each of the 7 previous days (the hour in progress taken pro rata). Traffic is flat when the
 * window's requests are within ±50% of the same window yesterday or a week ago (so weekends compare
 * with weekends). A jump in requests is the anomaly monitor's business, not this one's.
 */
export function judgeCostPerRequest(m: MonitorConfig, key: string, s: SeriesState | undefined, live: LiveHours, clock: PassClock): CprCandidate | null {
  if (!s) return null;
  const prev = clock.current - 1;
  const f = clock.fraction;
  const liveH = live.get(key);
  const at = (h: number, w: "cost" | "req") => {
    if (h >= clock.settled) {
      const p = liveH?.get(h);
      return w === "cost" ? (p?.costUsd ?? 0) : (p?.pricedRequests ?? 0);
    }
    return w === "cost" ? s.costAt(h) : s.pricedAt(h);
  };
  const costW = at(prev, "cost") + at(clock.current, "cost");
  const reqW = at(prev, "req") + at(clock.current, "req");
  if (reqW < MIN_WINDOW_REQUESTS) return null;
  let costB = 0;
  let reqB = 0;
  const dayReq: number[] = [];
  for (let d = 1; d <= 7; d++) {
    const c = at(prev - 24 * d, "cost") + f * at(clock.current - 24 * d, "cost");
    const r = at(prev - 24 * d, "req") + f * at(clock.current - 24 * d, "req");
    costB += c;
    reqB += r;
    dayReq.push(r);
  }
  if (reqB < MIN_BASELINE_REQUESTS || costB <= 0) return null;
  const cprNow = costW / reqW;
  const cprBase = costB / reqB;
  const changes = [dayReq[0], dayReq[6]].filter((r) => r > 0).map((r) => reqW / r - 1);
  if (changes.length === 0) return null;
  const requestsChange = changes.reduce((a, b) => (Math.abs(a) <= Math.abs(b) ? a : b));
  if (Math.abs(requestsChange) > FLAT_REQUESTS) return null;
  if (cprNow < CPR_RATIO[m.sensitivity] * cprBase) return null;
  const impactUsd = (cprNow - cprBase) * reqW;
  if (impactUsd < Math.max(0.01, m.minSpendUsd / 24)) return null;
  return { key, cprNow, cprBase, requestsChange, impactUsd, windowRequests: reqW };
}

export async function costPerRequestCondition(m: MonitorConfig, c: CprCandidate, clock: PassClock): Promise<AlertCondition> {
  const filters = seriesFilters(m.scope, m.dimension, c.key);
  const hours = [clock.current - 1, clock.current];
  const ratio = c.cprNow / c.cprBase;
  const severity = severityFor(c.impactUsd, ratio);
  // Baseline scaled to the window's request count: the cause is then what changed per request (mix, size).
  const dedupKey = seriesDedupKey("cost_per_request", m.id, m.dimension, c.key);
  const cause = await memoCause(`${dedupKey}@${clock.current}`, clock.now, () =>
    explainSeries(m.orgId, filters, hours, (_cost, baseReq) => (baseReq > 0 ? c.windowRequests / baseReq : 1 / 7)),
  );
  return {
    dedupKey,
    kind: "cost_per_request",
    severity,
    level: SEVERITY_LEVEL[severity],
    title: `Cost per request up ${ratio.toFixed(1)}x on ${seriesLabel(m.dimension, c.key)} with flat traffic: ${usd(c.cprNow)} against ${usd(c.cprBase)}`,
    scope: scopeRecord(filters),
    numbers: {
      expected_cpr: round(c.cprBase, 8),
      value_cpr: round(c.cprNow, 8),
      requests_change: round(c.requestsChange, 4),
      impact_usd: round(c.impactUsd),
      requests: c.windowRequests,
    },
    cause,
    url: overviewUrl(filters, (clock.current - 24) * HOUR_MS, (clock.current + 1) * HOUR_MS),
    channelIds: m.channelIds,
  };
}
