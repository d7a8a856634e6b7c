import { test } from "node:test";
import assert from "node:assert/strict";
import { selfHostCandidate, type ApiModelTraffic } from "./self-host-rule";

const FROM = new Date("2026-11-01T00:00:00Z");
const TO = new Date("2026-12-01T00:00:00Z");
const HOURS = 720;
/** flat traffic at `perHour` tokens, priced at `usdPer1M` */
const traffic = (model: string, perHour: number, usdPer1M: number): ApiModelTraffic => ({
  provider: "anthropic", model, tokens: perHour * HOURS, costUsd: (perHour * HOURS * usdPer1M) / 1e6, hourlyTokens: new Array(HOURS).fill(perHour), topTeam: "support",
});
// 1 GPU per replica, 1,000 tokens/s per busy GPU, $2/GPU-hour: a replica is $1,460 a month for 1,839.6M tokens at 70%
const MEASURED = { deployment: "llama-70b-int4", throughputPerGpu: 1000, pricePerGpuHour: 2, gpusPerReplica: 1, gpuModel: "H100" };

test("self_host past the crossover: 1,825M tokens a month at $1/1M ($1,825) vs one $1,460 replica saves $365", () => {
  const c = selfHostCandidate({ traffic: traffic("claude-3-5-haiku-latest", 2.5e6, 1), measured: MEASURED, from: FROM, to: TO })!;
  assert.equal(c.kind, "self_host");
  assert.deepEqual(c.scope, { provider: "anthropic", model: "claude-3-5-haiku-latest" });
  assert.equal(c.monthly_savings_usd, "365");
  // crossover: $1,460 / $1e-6 = 1,460M tokens a month
  assert.equal(c.evidence.find((e) => e.label === "crossover")!.value, "1,460.0M tokens a month");
  assert.match(c.evidence.find((e) => e.label === "throughput and GPU price")!.value, /measured on deployment llama-70b-int4/);
  assert.equal(c.owner_team, "support");
  assert.equal(c.scenario, null);
});

test("self_host below the crossover is informational: savings 0 with a note, and the crossover volume", () => {
  const c = selfHostCandidate({ traffic: traffic("claude-3-5-haiku-latest", 1e6, 1), measured: MEASURED, from: FROM, to: TO })!;
  assert.equal(c.monthly_savings_usd, "0");
  assert.match(c.title, /pays from 1,460\.0M tokens a month \(you send 730\.0M\): not yet/);
  assert.ok(c.evidence.some((e) => e.label === "status" && /informational/.test(e.value)));
  assert.match(c.savings_method, /^Informational/);
});

test("self_host never crosses when a full replica costs more per token than the API; no candidate without a substitute", () => {
  const c = selfHostCandidate({ traffic: traffic("claude-3-5-haiku-latest", 2.5e6, 0.5), measured: MEASURED, from: FROM, to: TO })!;
  assert.equal(c.monthly_savings_usd, "0");
  assert.match(c.evidence.find((e) => e.label === "crossover")!.value, /^never: at full use a replica costs \$0\.79\/1M tokens, above the API's \$0\.50/);
  assert.equal(selfHostCandidate({ traffic: traffic("claude-sonnet-4-20250514", 2.5e6, 6), measured: MEASURED, from: FROM, to: TO }), null);
  // without a measured deployment the family's stated assumption is used, and said
  const assumed = selfHostCandidate({ traffic: traffic("gpt-4o-mini", 1e6, 0.3), measured: null, from: FROM, to: TO })!;
  assert.match(assumed.evidence.find((e) => e.label === "throughput and GPU price")!.value, /^assumption/);
});
