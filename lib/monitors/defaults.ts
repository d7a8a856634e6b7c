import type { MonitorDimension, MonitorKind } from "./types";

/**
 * The monitors every organization starts with (issue 8: the total, and each value of feature, team,
 * model, project and customer). Runaway requests are judged per feature whatever the monitor's
 * dimension, so only the total watches them: one alert per runaway, not one per monitor.
 * A minimum spend keeps tiny series, where Poisson noise is as large as any spike, out of the pager.
 */
export const DEFAULT_MONITORS: { name: string; dimension: MonitorDimension; kinds: MonitorKind[]; minSpendUsd: string }[] = [
  { name: "Organization total", dimension: "", kinds: ["anomaly", "cost_per_request", "runaway"], minSpendUsd: "1" },
  { name: "Each feature", dimension: "feature", kinds: ["anomaly", "cost_per_request"], minSpendUsd: "1" },
  { name: "Each team", dimension: "team", kinds: ["anomaly", "cost_per_request"], minSpendUsd: "1" },
  { name: "Each model", dimension: "model", kinds: ["anomaly", "cost_per_request"], minSpendUsd: "1" },
  { name: "Each project", dimension: "project", kinds: ["anomaly", "cost_per_request"], minSpendUsd: "1" },
  { name: "Each customer", dimension: "customer", kinds: ["anomaly", "cost_per_request"], minSpendUsd: "1" },
];
