import { test } from "node:test";
import assert from "node:assert/strict";
import { createDeploymentSchema, issueLines, updateDeploymentSchema } from "./deployment-schema";
import { gpuHourPrice } from "./deployment-types";
import { pageRange } from "./page-range";

test("deployment body: name lowercased, price number -> string, Hostname -> hostname, endpoints deduplicated", () => {
  const v = createDeploymentSchema.parse({ name: "Llama-70B", model: "m", gpu_price_per_hour_usd: 2.5, match: { Hostname: "n1" }, endpoints: ["a", "a", "b"] });
  assert.deepEqual(v, { name: "llama-70b", model: "m", gpu_price_per_hour_usd: "2.5", gpu_pricing: {}, pricing_kind: "on_demand", match: { hostname: "n1" }, endpoints: ["a", "b"] });
});

test("deployment body: every bad field is named", () => {
  const r = createDeploymentSchema.safeParse({ name: "", model: 3, gpu_price_per_hour_usd: "1.1234567", match: {}, gpu_pricing: { H100: { hourly: "1" } }, pricing_kind: "x" });
  assert.equal(r.success, false);
  const lines = issueLines(r.error!);
  for (const f of ["name", "model", "gpu_price_per_hour_usd", "match", "gpu_pricing.H100", "pricing_kind"]) assert.ok(lines.some((l) => l.startsWith(`${f}: `) || l.startsWith(`${f}.`)), `${f}: ${lines.join(" | ")}`);
  assert.equal(updateDeploymentSchema.safeParse({ match: { "bad-label": "x" } }).success, false);
});

test("the price of a GPU-hour: per GPU model and kind, else the default", () => {
  const d = { gpuPricePerHourUsd: "3", pricingKind: "spot" as const, gpuPricing: { H100: { spot: "1.2", on_demand: "2.5" }, A100: { on_demand: "1.8" } } };
  assert.equal(gpuHourPrice(d, "H100"), "1.2");
  assert.equal(gpuHourPrice(d, "A100"), "3", "no spot price for A100: the default applies");
  assert.equal(gpuHourPrice(d, "L40S"), "3");
});

test("page range: known labels, default 7d, ends on the next full hour", () => {
  const now = Date.UTC(2026, 11, 1, 10, 20);
  const r = pageRange({ range: "24h", deployment: "x" }, now);
  assert.equal(r.toMs, Date.UTC(2026, 11, 1, 11));
  assert.equal(r.toMs - r.fromMs, 86_400_000);
  assert.equal(r.deployment, "x");
  assert.equal(pageRange({ range: "1y" }, now).label, "7d");
});
