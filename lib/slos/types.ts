/**
 * SLO configuration and measurement types, shared by the evaluator, the API, the pages and the
 * quarterly report. Pure: no data access.
 */
export const OBJECTIVE_KINDS = ["cost_per_request", "cost_per_action", "latency_p95", "error_rate", "cache_hit_rate"] as const;
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];

export const WINDOW_TYPES = ["rolling", "calendar_month"] as const;
export type WindowType = (typeof WINDOW_TYPES)[number];

export type SloConfig = {
  id: string;
  orgId: string;
  name: string;
  scope: Record<string, string>;
  kind: ObjectiveKind;
  /** USD decimal string (cost kinds), milliseconds as a string (latency_p95), "" otherwise */
  threshold: string;
  /** tags.action value (cost_per_action) */
  action: string;
  /** percent, e.g. 99.5 */
  target: number;
  windowType: WindowType;
  windowDays: number;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** Good and total units (requests, or 5-minute slices for cost_per_action) of one 5-minute slice. */
export type Slice = { start: number; good: number; total: number };

export type BurnWindow = "5m" | "30m" | "1h" | "6h" | "3d";
export const BURN_WINDOW_MS: Record<BurnWindow, number> = {
  "5m": 5 * 60_000,
  "30m": 30 * 60_000,
  "1h": 3_600_000,
  "6h": 6 * 3_600_000,
  "3d": 3 * 86_400_000,
};

export type SloState = "ok" | "ticket" | "page" | "no_data" | "disabled";

export type SloStatus = {
  windowStart: Date;
  windowEnd: Date;
  good: number;
  total: number;
  /** good / total, 0..1; null without data */
  attainment: number | null;
  /** share of the window's error budget left, 1 = untouched, negative = overspent; null without data */
  budgetRemaining: number | null;
  burn: Record<BurnWindow, number | null>;
  state: SloState;
  firing: FiringRule[];
};

export type FiringRule = { severity: "critical" | "warning"; name: string; long: BurnWindow; short: BurnWindow; factor: number; longBurn: number; shortBurn: number };
