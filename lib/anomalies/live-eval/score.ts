/**
 * Scoring a monitor's alerts against the labelled anomalies, as on-call would count them.
 *
 * An alert belongs to an anomaly of its kind (up alerts to spikes, down alerts to dips) when
 * its bucket overlaps the anomaly, or the one bucket after it (a drift view may need one more
 * point). The first such alert detects the anomaly; its delay is measured from the anomaly's
 * start to the moment the alert is raised. Every alert that belongs to no anomaly of its kind is
 * a false alert. Further alerts inside the same anomaly are counted as duplicates (the detector
 * promises one per incident).
 */
import type { LabelledAnomaly } from "./generate";
import type { RaisedAlert } from "./run";

export interface AnomalyOutcome {
  anomaly: LabelledAnomaly;
  detected: boolean;
  /** ms from the anomaly's start to the first alert raised for it (NaN when missed). */
  delayMs: number;
}

export interface SeriesScore {
  outcomes: AnomalyOutcome[];
  falseAlerts: number;
  duplicates: number;
  alerts: number;
}

export function scoreAlerts(anomalies: LabelledAnomaly[], alerts: RaisedAlert[], stepMs: number): SeriesScore {
  const outcomes: AnomalyOutcome[] = anomalies.map((anomaly) => ({ anomaly, detected: false, delayMs: NaN }));
  let falseAlerts = 0;
  let duplicates = 0;
  for (const alert of alerts) {
    const hit = outcomes.find((o) => alert.bucket < o.anomaly.end + stepMs && alert.bucket + stepMs > o.anomaly.start);
    if (!hit) {
      falseAlerts++;
    } else if (hit.detected) {
      duplicates++;
    } else {
      hit.detected = true;
      hit.delayMs = Math.max(0, alert.raisedAt - hit.anomaly.start);
    }
  }
  return { outcomes, falseAlerts, duplicates, alerts: alerts.length };
}

export interface ClassSummary {
  label: string;
  count: number;
  detected: number;
  recall: number;
  /** Delay quantiles over the detected ones, in minutes. */
  delayP50Min: number;
  delayP90Min: number;
}

export function summarize(label: string, outcomes: AnomalyOutcome[]): ClassSummary {
  const hits = outcomes.filter((o) => o.detected).map((o) => o.delayMs / 60_000).sort((a, b) => a - b);
  const q = (p: number) => (hits.length === 0 ? NaN : hits[Math.min(hits.length - 1, Math.floor(p * hits.length))]);
  return {
    label,
    count: outcomes.length,
    detected: hits.length,
    recall: outcomes.length === 0 ? NaN : hits.length / outcomes.length,
    delayP50Min: q(0.5),
    delayP90Min: q(0.9),
  };
}
