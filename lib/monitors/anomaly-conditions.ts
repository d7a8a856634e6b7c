import "server-only";
import type { AlertCondition, SeriesPoint } from "@/lib/alert-contract/condition";
import type { PointResult } from "@/lib/anomalies/detector";
import { explainSeries, memoCause } from "./cause";
import type { LiveHours, PassClock } from "./feed";
import { HOUR_MS } from "./ledger-reads";
import { overviewUrl, scopeRecord, SEVERITY_LEVEL, seriesDedupKey, seriesFilters, seriesLabel, severityFor, usd } from "./links";
import { BAND_HOURS, type MonitorCache, type SeriesState } from "./series-cache";
import { meetsSpikeRule, type SpikeRule } from "./spike-rule";
import type { MonitorConfig } from "./types";

/**
 * What made a verdict an anomaly: the detector's score, or the spike rule alone. On-call reads it in
 * the alert's numbers: a rule-raised alert carries the detector's low score, which would otherwise
 * look like a contradiction.
 */
export type RaisedBy = "detector_score" | "spike_rule";

/** A series whose spend is above its band now: the verdict that holds, for which hour, and why. */
export type AnomalyCandidate = { key: string; hour: number; fraction: number; verdict: PointResult; raisedBy: RaisedBy };

/**
 * Above the band, whether it opened the incident now or belongs to one already open; or, whatever
 * the detector's score, far enough above its expected value to meet the spike rule. Null when neither.
 */
function holds(r: PointResult | null | undefined, fraction: number, rule: SpikeRule): RaisedBy | null {
  if (!r || !(r.actual > r.upper)) return null;
  if ((r.isAnomaly || r.suppressed) && r.direction === "up") return "detector_score";
  return meetsSpikeRule(r, fraction, rule) ? "spike_rule" : null;
}

/** The candidate a verdict makes, if it holds. */
function candidate(key: string, hour: number, fraction: number, r: PointResult | null | undefined, rule: SpikeRule): AnomalyCandidate | null {
  const raisedBy = holds(r, fraction, rule);
  return r && raisedBy ? { key, hour, fraction, verdict: r, raisedBy } : null;
}

/**
 * The detector's verdicts for a series at this pass: the hour in progress (peek with the spend so far
 * and the elapsed share of the hour), the hour just ended while its late events settle (peek with
 * fraction 1) and the last settled hour (update). The first that holds is the condition; of the
 * hours still settling, the latest.
 */
export function judgeSeries(cache: MonitorCache, key: string, s: SeriesState | undefined, live: LiveHours, clock: PassClock, rule: SpikeRule): AnomalyCandidate | null {
  if (!s || !cache.registry.has(key)) return null;
  const liveHours = live.get(key);
  let settling: AnomalyCandidate | null = null;
  for (let h = clock.settled; h < clock.current; h++) {
    settling = candidate(key, h, 1, cache.registry.peek(key, h * HOUR_MS, liveHours?.get(h)?.costUsd ?? 0, 1), rule) ?? settling;
  }
  const now = cache.registry.peek(key, clock.current * HOUR_MS, liveHours?.get(clock.current)?.costUsd ?? 0, clock.fraction);
  return (
    candidate(key, clock.current, clock.fraction, now, rule) ??
    settling ??
    (s.lastHour === clock.settled - 1 ? candidate(key, s.lastHour, 1, s.last, rule) : null)
  );
}

/** The last 72 hours of the series with the expected band, ending with the hour in progress. */
function chart(s: SeriesState, c: AnomalyCandidate, live: LiveHours, clock: PassClock): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let h = clock.current - BAND_HOURS + 1; h <= clock.current; h++) {
    const ts = new Date(h * HOUR_MS).toISOString();
    if (h < clock.settled) {
      const b = s.bandAt(h);
      out.push({ ts, actual: s.costAt(h), expected: b?.expected ?? null, lower: b?.lower ?? null, upper: b?.upper ?? null });
    } else {
      const v = h === c.hour ? c.verdict : null;
      out.push({ ts, actual: live.get(c.key)?.get(h)?.costUsd ?? 0, expected: v?.expected ?? null, lower: v?.lower ?? null, upper: v?.upper ?? null });
    }
  }
  return out;
}

export async function anomalyCondition(m: MonitorConfig, cache: MonitorCache, c: AnomalyCandidate, live: LiveHours, clock: PassClock): Promise<AlertCondition> {
  const r = c.verdict;
  const filters = seriesFilters(m.scope, m.dimension, c.key);
  const expected = Math.max(0, r.expected);
  const ratio = expected > 0 ? r.actual / expected : Infinity;
  const severity = severityFor(r.impact, ratio);
  const dedupKey = seriesDedupKey("anomaly", m.id, m.dimension, c.key);
  const cause = await memoCause(`${dedupKey}@${c.hour}`, clock.now, () =>
    explainSeries(m.orgId, filters, [c.hour], (baseCost) => (baseCost > 0 ? expected / baseCost : c.fraction / 7)),
  );
  const partial = c.fraction < 1 ? ` in the first ${Math.round(c.fraction * 60)} min of the hour` : "";
  return {
    dedupKey,
    kind: "anomaly",
    severity,
    level: SEVERITY_LEVEL[severity],
    title: `Spend anomaly on ${seriesLabel(m.dimension, c.key)}: ${usd(r.actual)} against ${usd(expected)} expected${partial}`,
    scope: scopeRecord(filters),
    numbers: {
      expected: round(expected),
      band: [round(Math.max(0, r.lower)), round(r.upper)],
      value: round(r.actual),
      impact_usd: round(r.impact),
      score: round(r.score, 4),
      raised_by: c.raisedBy,
      hour: new Date(c.hour * HOUR_MS).toISOString(),
      fraction_of_hour: round(c.fraction, 4),
    },
    cause,
    url: overviewUrl(filters, (c.hour - 24) * HOUR_MS, (c.hour + 1) * HOUR_MS),
    channelIds: m.channelIds,
    series: chart(cache.series.get(c.key)!, c, live, clock),
  };
}

export function round(n: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
