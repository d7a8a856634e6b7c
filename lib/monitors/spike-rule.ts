import { DEFAULT_DETECTOR_OPTIONS, type PointResult } from "@/lib/anomalies/detector";
import type { Sensitivity } from "./types";

/**
 * A rule beside the detector's score: spend at `ratio` times its expected value and `sigmas` standard
 * deviations above it is an anomaly, whatever the score says. The score averages surprise over several
 * points and discounts it against the series' recent record, which suits noisy sensor data (NAB) but
 * let clear spend spikes pass: a Sunday hour at 3x expected and 6 sigma scored 0.03 because the four
 * hours before it were ordinary (lib/anomalies/README.md, live misses). Both conditions must hold: the
 * ratio is what the people paged care about ("3x normal"), the sigmas keep a small series' ordinary
 * noise (a few requests more than expected at night) from meeting it.
 */
export type SpikeRule = { ratio: number; sigmas: number };

export const SPIKE_RULES: Record<Sensitivity, SpikeRule> = {
  low: { ratio: 4, sigmas: 5 },
  medium: { ratio: 3, sigmas: 4 },
  high: { ratio: 2.5, sigmas: 3.5 },
};

/** Before a quarter of the hour has passed, a ratio is a handful of requests: the score alone decides. */
export const MIN_SPIKE_FRACTION = 0.25;

/** Whether a verdict (for a whole hour, or `fraction` of the hour in progress) meets the spike rule. */
export function meetsSpikeRule(r: PointResult, fraction: number, rule: SpikeRule): boolean {
  if (fraction < MIN_SPIKE_FRACTION || !(r.expected > 0) || !(r.upper > r.expected)) return false;
  // The band is bandSigmas standard deviations either side of the expected value.
  const sigma = (r.upper - r.expected) / DEFAULT_DETECTOR_OPTIONS.bandSigmas;
  return r.actual >= rule.ratio * r.expected && r.actual - r.expected >= rule.sigmas * sigma;
}
