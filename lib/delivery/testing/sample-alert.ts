import type { AlertPayload } from "@/lib/alert-contract/condition";

/** An anomaly alert with numbers and a cause, as the alert store would hand it to delivery. */
export function sampleAlert(overrides: Partial<AlertPayload> = {}): AlertPayload {
  const now = new Date().toISOString();
  return {
    id: "alert_sample",
    kind: "anomaly",
    severity: "critical",
    state: "open",
    title: "Spend on feature=search is 4.2× its expected level",
    scope: { feature: "search" },
    numbers: { value: 84.2, expected: 20.1, band: [12.5, 27.7], impact_usd: 64.1 },
    cause: [
      { dimension: "model", value: "gpt-4.1", impact_usd: 51.3, share: 0.8, volume_usd: 10.2, mix_usd: 38.1, size_usd: 3, url: "/?feature=search&model=gpt-4.1" },
      { dimension: "customer", value: "acme", impact_usd: 12.8, share: 0.2, volume_usd: 12.8, mix_usd: 0, size_usd: 0, url: "/?feature=search&customer=acme" },
    ],
    url: "http://localhost:3000/alerts/alert_sample",
    dedup_key: "monitor:m1:feature=search",
    opened_at: now,
    updated_at: now,
    acknowledged_by: null,
    resolved_at: null,
    ...overrides,
  };
}
