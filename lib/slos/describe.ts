/** Human text of an objective, for titles, tables and the report. Pure. */
import type { SloConfig } from "./types";

export function describeObjective(slo: Pick<SloConfig, "kind" | "threshold" | "action" | "target">): string {
  const t = `${slo.target}%`;
  switch (slo.kind) {
    case "cost_per_request":
      return `${t} of requests cost at most $${slo.threshold}`;
    case "cost_per_action":
      return `cost per "${slo.action}" at most $${slo.threshold} in ${t} of 5-minute slices`;
    case "latency_p95":
      return `${t} of requests within ${slo.threshold} ms`;
    case "error_rate":
      return `${t} of requests without error`;
    case "cache_hit_rate":
      return `application cache hit rate at least ${t}`;
  }
}

export const KIND_LABELS: Record<SloConfig["kind"], string> = {
  cost_per_request: "Cost per request",
  cost_per_action: "Cost per action",
  latency_p95: "Latency (p95)",
  error_rate: "Error rate",
  cache_hit_rate: "Cache hit rate",
};
