/**
 * What an evaluator (budgets, monitors, later SLOs) tells the alert store: the conditions that hold
 * right now for one source. Evaluators are stateless functions of the ledger and their configuration;
 * the alert store alone keeps state (open, acknowledged, resolved, what was notified), so a crash
 * between two evaluations loses nothing and an evaluation repeated after a restart notifies nobody twice.
 *
 * Types only, below every capability: evaluators (lib/budgets, lib/monitors) produce these, the alert
 * store (lib/alerts) consumes them, and delivery (lib/delivery) sends the payload below.
 */

export const ALERT_KINDS = ["budget", "budget_forecast", "anomaly", "cost_per_request", "runaway", "slo_burn", "coverage", "rate_limit_headroom"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ["info", "warning", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One ranked contributor to an anomaly, from `explainAnomaly`, with a link to the overview filtered to it. */
export type CauseItem = {
  dimension: string;
  value: string;
  /** $ this value adds to the change (signed) */
  impact_usd: number;
  /** share of the total change, 0..1 */
  share: number;
  /** the change split: more requests, a different mix of models, bigger requests */
  volume_usd: number;
  mix_usd: number;
  size_usd: number;
  /** path in the product, e.g. /?feature=search&from=...&to=... */
  url: string;
};

/** A point of the series an anomaly alert is about, for the chart with its expected band. */
export type SeriesPoint = { ts: string; actual: number; expected: number | null; lower: number | null; upper: number | null };

export type AlertCondition = {
  /**
   * One alert per condition: the same key on the next evaluation is the same alert. Budgets put the
   * period start and the amount in it, so a new period or a raised amount is a new alert.
   */
  dedupKey: string;
  kind: AlertKind;
  severity: Severity;
  /**
   * Rises when the condition gets worse (a budget's highest crossed threshold, for example). The store
   * notifies when an alert opens and again only when its level or severity rises.
   */
  level: number;
  title: string;
  /** the dimension filter the alert is about; {} = the whole organization */
  scope: Record<string, string>;
  /** the numbers that fired it: threshold, value, expected, band, impact_usd, ... */
  numbers: Record<string, number | string | null | [number, number]>;
  cause: CauseItem[];
  /** path of the thing that fired it in the product (a budget page, an overview view) */
  url: string;
  /** channels the source names explicitly (a budget's channels); empty = routing rules decide */
  channelIds: string[];
  series?: SeriesPoint[];
};

export type SourceRef = { type: "budget" | "monitor" | "slo" | "coverage" | "provider_health"; id: string };

/**
 * Everything one source holds right now. An open alert of this source whose key is not among the
 * conditions has cleared: the store resolves it after a hold-off (so a flapping series does not page
 * on every evaluation).
 */
export type Evaluation = { orgId: string; source: SourceRef; conditions: AlertCondition[]; evaluatedAt: Date };

/** The alert as channels receive it: the `data` of a Standard Webhooks body, and what Slack, PagerDuty and email render. */
export type AlertPayload = {
  id: string;
  kind: AlertKind;
  severity: Severity;
  state: "open" | "acknowledged" | "resolved";
  title: string;
  scope: Record<string, string>;
  numbers: AlertCondition["numbers"];
  cause: CauseItem[];
  /** absolute URL of the alert's page in the product */
  url: string;
  dedup_key: string;
  opened_at: string;
  updated_at: string;
  acknowledged_by: string | null;
  resolved_at: string | null;
};

export const ALERT_EVENTS = ["alert.opened", "alert.updated", "alert.acknowledged", "alert.resolved"] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];
