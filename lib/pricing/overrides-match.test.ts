/** Which organization override is in force for a call: exact vs glob, effective dates. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compileOverride, matchOverride, type OverrideRow } from "./overrides-match";

const row = (id: string, modelPattern: string, effectiveFrom: string, extra: Partial<OverrideRow> = {}): OverrideRow => ({
  id, provider: "openai", modelPattern, effectiveFrom: new Date(effectiveFrom),
  inputPerMtok: "1", cacheReadPerMtok: null, cacheWrite5mPerMtok: null, cacheWrite1hPerMtok: null, outputPerMtok: "2", ...extra,
});
const list = (...rows: OverrideRow[]) => rows.map(compileOverride);
const at = (iso: string) => Date.parse(iso);
const match = (l: ReturnType<typeof list>, model: string, when: string, provider = "openai") => matchOverride(l, provider, model, at(when))?.id ?? null;

test("an exact model name beats a glob with the same effective date, whatever the order", () => {
  const exact = row("exact", "gpt-4o", "2026-01-01T00:00:00Z");
  const glob = row("glob", "gpt-4o*", "2026-01-01T00:00:00Z");
  assert.equal(match(list(exact, glob), "gpt-4o", "2026-06-01T00:00:00Z"), "exact");
  assert.equal(match(list(glob, exact), "gpt-4o", "2026-06-01T00:00:00Z"), "exact");
  // the glob still covers the models the exact name does not
  assert.equal(match(list(glob, exact), "gpt-4o-mini", "2026-06-01T00:00:00Z"), "glob");
});

test("the latest effective-from in force wins", () => {
  const l = list(row("jan", "gpt-4o", "2026-01-01T00:00:00Z"), row("jul", "gpt-4o", "2026-07-01T00:00:00Z"), row("mar", "gpt-4o", "2026-03-01T00:00:00Z"));
  assert.equal(match(l, "gpt-4o", "2026-02-15T00:00:00Z"), "jan");
  assert.equal(match(l, "gpt-4o", "2026-03-01T00:00:00Z"), "mar", "effective from its first instant");
  assert.equal(match(l, "gpt-4o", "2026-06-30T23:59:59Z"), "mar");
  assert.equal(match(l, "gpt-4o", "2026-08-01T00:00:00Z"), "jul");
});

test("an override effective in the future is not applied to earlier events", () => {
  const l = list(row("future", "gpt-4o", "2026-12-01T00:00:00Z"));
  assert.equal(match(l, "gpt-4o", "2026-11-30T23:59:59.999Z"), null);
  assert.equal(match(l, "gpt-4o", "2026-12-01T00:00:00Z"), "future");
  // with an older one in force, the older one keeps applying until the new one starts
  const both = list(row("old", "gpt-4o*", "2026-01-01T00:00:00Z"), row("future", "gpt-4o", "2026-12-01T00:00:00Z"));
  assert.equal(match(both, "gpt-4o", "2026-11-30T00:00:00Z"), "old");
  assert.equal(match(both, "gpt-4o", "2026-12-02T00:00:00Z"), "future");
});

test("documented precedence: the effective date decides first, exactness breaks ties", () => {
  // matchOverride's contract: "latest effective date wins, an exact model name beats a pattern"
  const l = list(row("exact-old", "gpt-4o", "2026-01-01T00:00:00Z"), row("glob-new", "gpt-4o*", "2026-05-01T00:00:00Z"));
  assert.equal(match(l, "gpt-4o", "2026-04-30T00:00:00Z"), "exact-old");
  assert.equal(match(l, "gpt-4o", "2026-06-01T00:00:00Z"), "glob-new");
});

test("provider must match (case-insensitive); model globs are anchored and case-insensitive", () => {
  const l = list(row("o", "gpt-4o*", "2026-01-01T00:00:00Z", { provider: "OpenAI" }));
  assert.equal(match(l, "gpt-4o-mini", "2026-06-01T00:00:00Z", "openai"), "o");
  assert.equal(match(l, "GPT-4O-MINI", "2026-06-01T00:00:00Z", "OPENAI"), "o");
  assert.equal(match(l, "gpt-4o", "2026-06-01T00:00:00Z", "azure"), null);
  assert.equal(match(l, "ft:gpt-4o", "2026-06-01T00:00:00Z"), null, "anchored at the start");
  const exact = list(row("e", "gpt-4o", "2026-01-01T00:00:00Z"));
  assert.equal(match(exact, "gpt-4o-mini", "2026-06-01T00:00:00Z"), null, "anchored at the end");
});

test("regex characters in a pattern are literal; * is the only wildcard", () => {
  const l = list(row("dot", "gpt-4.1", "2026-01-01T00:00:00Z"), row("all", "*", "2025-01-01T00:00:00Z"));
  assert.equal(match(l, "gpt-4.1", "2026-06-01T00:00:00Z"), "dot");
  assert.equal(match(l, "gpt-401", "2026-06-01T00:00:00Z"), "all", "'.' does not match any character");
  const plus = list(row("p", "model+(v2)", "2026-01-01T00:00:00Z"));
  assert.equal(match(plus, "model+(v2)", "2026-06-01T00:00:00Z"), "p");
  assert.equal(match(plus, "modelll(v2)", "2026-06-01T00:00:00Z"), null);
});

test("compileOverride turns decimal USD per Mtok into exact pico-dollars per token", () => {
  const [o] = list(row("c", "m", "2026-01-01T00:00:00Z", { inputPerMtok: "2.5", cacheReadPerMtok: "0.000001", cacheWrite5mPerMtok: "3.75", cacheWrite1hPerMtok: null, outputPerMtok: "10" }));
  assert.equal(o.input, 2_500_000);
  assert.equal(o.cacheRead, 1);
  assert.equal(o.cacheWrite5m, 3_750_000);
  assert.equal(o.cacheWrite1h, null);
  assert.equal(o.output, 10_000_000);
  assert.equal(o.exact, true);
  assert.equal(list(row("g", "m*", "2026-01-01T00:00:00Z"))[0].exact, false);
});

test("the pathological pattern *a*a*a*a*b is fast against a 256-character name (it took 53 s per event)", () => {
  const l = list(row("slow", "*a*a*a*a*b", "2026-01-01T00:00:00Z"));
  const model = "a".repeat(256);
  // One match first: the old RegExp fails here (after about a minute) instead of hanging on the loop.
  let started = performance.now();
  assert.equal(match(l, model, "2026-06-01T00:00:00Z"), null);
  assert.ok(performance.now() - started < 1_000, "one worst-case match in under a second");
  started = performance.now();
  for (let i = 0; i < 10_000; i++) assert.equal(match(l, model, "2026-06-01T00:00:00Z"), null);
  const ms = performance.now() - started;
  // Generous for a shared, noisy machine; the measured time is printed for the record.
  console.log(`10,000 matches of *a*a*a*a*b against ${model.length} characters: ${ms.toFixed(1)} ms`);
  assert.ok(ms < 2_000, `10,000 worst-case matches took ${ms.toFixed(0)} ms`);
  assert.equal(match(l, `${model}b`, "2026-06-01T00:00:00Z"), "slow", "and it still matches what it should");
});
