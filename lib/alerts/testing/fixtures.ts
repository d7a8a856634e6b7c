import type { AlertCondition, Evaluation, Severity } from "@/lib/alert-contract/condition";

export const T0 = new Date("2026-12-01T10:00:00Z");
export const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

export function condition(dedupKey: string, level = 1, severity: Severity = "warning", extra: Partial<AlertCondition> = {}): AlertCondition {
  return {
    dedupKey,
    kind: "anomaly",
    severity,
    level,
    title: `Spend anomaly on ${dedupKey}`,
    scope: { feature: "search" },
    numbers: { actual: 12.5 * level, expected: 3, band: [1, 5], impact_usd: 9.5 * level },
    cause: [{ dimension: "feature", value: "search", impact_usd: 9.5, share: 1, volume_usd: 2, mix_usd: 0.5, size_usd: 7, url: "/?feature=search" }],
    url: "/?feature=search",
    channelIds: [],
    series: [{ ts: T0.toISOString(), actual: 12.5, expected: 3, lower: 1, upper: 5 }],
    ...extra,
  };
}

export function evaluation(orgId: string, sourceId: string, conditions: AlertCondition[], evaluatedAt: Date): Evaluation {
  return { orgId, source: { type: "monitor", id: sourceId }, conditions, evaluatedAt };
}
