import { test } from "node:test";
import assert from "node:assert/strict";
import { decomposeChange, explainAnomaly, type UsageRecord } from "./root-cause";

/** $ per token, input and output blended, roughly list-price ratios. */
const PRICE: Record<string, number> = { "gpt-4o-mini": 0.3e-6, "claude-haiku": 1.5e-6, "claude-sonnet": 6e-6 };

function rec(dims: Record<string, string>, requests: number, tokensPerRequest: number): UsageRecord {
  const tokens = requests * tokensPerRequest;
  return { dims, requests, tokens, cost: tokens * PRICE[dims.model] };
}

/** An organisation's normal hour: three features, two teams, five api keys. */
function normalHour(): UsageRecord[] {
  const out: UsageRecord[] = [];
  for (let k = 1; k <= 5; k++) {
    out.push(rec({ feature: "chat", team: "support", model: "claude-haiku", apiKey: `key-${k}` }, 200, 1500));
    out.push(rec({ feature: "summarize", team: "support", model: "claude-haiku", apiKey: `key-${k}` }, 80, 3000));
    out.push(rec({ feature: "search", team: "growth", model: "gpt-4o-mini", apiKey: `key-${k}` }, 400, 800));
  }
  return out;
}

const sum = (rs: UsageRecord[]) => rs.reduce((s, r) => s + r.cost, 0);
const close = (a: number, b: number, tol: number, msg?: string) => assert.ok(Math.abs(a - b) <= tol, msg ?? `${a} vs ${b}`);

test("one api key looping: the key is the top contributor and the change is volume", () => {
  const baseline = normalHour();
  const current = normalHour().map((r) =>
    r.dims.apiKey === "key-3" && r.dims.feature === "search" ? rec(r.dims, r.requests * 25, 800) : r,
  );
  const report = explainAnomaly(baseline, current);
  const extra = 400 * 24 * 800 * PRICE["gpt-4o-mini"];
  close(report.impact, extra, 1e-9);
  close(report.actual - report.expected, report.impact, 1e-12);
  const apiKey = report.dimensions.find((d) => d.dimension === "apiKey")!;
  assert.equal(apiKey.values[0].value, "key-3");
  close(apiKey.values[0].impact, extra, 1e-9);
  assert.deepEqual(apiKey.culprits, ["key-3"]);
  assert.equal(report.driver, "volume");
  const { volume, mix, size } = report.decomposition;
  close(volume + mix + size, report.impact, 1e-9);
  // Extra calls all went to the cheapest model, so the average $/request fell: mix is negative, volume overshoots.
  assert.ok(volume > report.impact && mix < 0, JSON.stringify(report.decomposition));
  close(size, 0, 1e-9);
});

test("one feature switched to a pricier model: mix explains the change, volume and size do not", () => {
  const baseline = normalHour();
  const current = normalHour().map((r) => (r.dims.feature === "summarize" ? rec({ ...r.dims, model: "claude-sonnet" }, r.requests, 3000) : r));
  const report = explainAnomaly(baseline, current);
  const expectedImpact = 5 * 80 * 3000 * (PRICE["claude-sonnet"] - PRICE["claude-haiku"]);
  close(report.impact, expectedImpact, 1e-9);
  assert.equal(report.driver, "mix");
  close(report.decomposition.mix, report.impact, 1e-6 * report.impact);
  close(report.decomposition.volume, 0, 1e-6 * report.impact);
  close(report.decomposition.size, 0, 1e-6 * report.impact);
  const feature = report.dimensions.find((d) => d.dimension === "feature")!;
  assert.deepEqual(feature.culprits, ["summarize"]);
  const model = report.dimensions.find((d) => d.dimension === "model")!;
  assert.equal(model.values[0].value, "claude-sonnet");
  // The spend moved away from haiku: a negative contributor, ranked by |impact| right after.
  assert.equal(model.values[1].value, "claude-haiku");
  assert.ok(model.values[1].impact < 0);
  // Feature explains it with one value; api keys spread it evenly, so feature ranks above apiKey.
  const order = report.dimensions.map((d) => d.dimension);
  assert.ok(order.indexOf("feature") < order.indexOf("apiKey"), order.join(","));
});

test("prompt growth after a release: size explains the change", () => {
  const baseline = normalHour();
  const current = normalHour().map((r) => (r.dims.feature === "chat" ? rec(r.dims, r.requests, 4500) : r));
  const report = explainAnomaly(baseline, current);
  close(report.impact, 5 * 200 * 3000 * PRICE["claude-haiku"], 1e-9);
  assert.equal(report.driver, "size");
  assert.ok(report.decomposition.size > 0.9 * report.impact, JSON.stringify(report.decomposition));
  close(report.decomposition.volume, 0, 1e-9);
  const feature = report.dimensions.find((d) => d.dimension === "feature")!;
  assert.equal(feature.values[0].value, "chat");
  assert.deepEqual(feature.culprits, ["chat"]);
});

test("baselineScale compares intervals of different lengths; parts always sum to the impact", () => {
  const day = normalHour().map((r) => ({ ...r, requests: r.requests * 24, tokens: r.tokens * 24, cost: r.cost * 24 }));
  const hour = normalHour();
  const report = explainAnomaly(day, hour, { baselineScale: 1 / 24 });
  close(report.impact, 0, 1e-9);
  const d = decomposeChange(normalHour(), normalHour().slice(3), "model");
  close(d.volume + d.mix + d.size, sum(normalHour().slice(3)) - sum(normalHour()), 1e-9);
});
