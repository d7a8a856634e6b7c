import { test } from "node:test";
import assert from "node:assert/strict";
import { allocateByWeight } from "./allocate";
import { billedPieces, type UsageIn } from "./billed-pieces";
import { modelFamily } from "./model-names";

const day = new Date("2026-11-20T00:00:00Z");
const t = (n: number) => ({ inputUncached: n, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0 });
const u = (apiKeyId: string, model: string, n: number): UsageIn => ({ day, sourceId: "s", provider: "openai", projectId: "p", apiKeyId, model, tokens: t(n), requests: 1 });

test("allocation is exact: the parts sum to the whole", () => {
  const parts = allocateByWeight(1_000_000_000_001n, [1n, 1n, 1n]);
  assert.equal(parts.reduce((s, p) => s + p, 0n), 1_000_000_000_001n);
  assert.deepEqual(allocateByWeight(10n, [0n, 0n]), [5n, 5n]);
  assert.deepEqual(allocateByWeight(-9n, [1n, 2n]), [-3n, -6n]);
});

test("model families: snapshot dates and alias suffixes are dropped", () => {
  assert.equal(modelFamily("gpt-4o-mini-2024-07-18"), "gpt-4o-mini");
  assert.equal(modelFamily("claude-sonnet-4-20250514"), "claude-sonnet-4");
  assert.equal(modelFamily("claude-sonnet-4-0"), "claude-sonnet-4");
  assert.equal(modelFamily("gpt-4o"), "gpt-4o");
});

test("cost lines split over usage by model and price; model-less lines over all; uncovered days priced at catalog", () => {
  const usage = [u("k1", "gpt-4o-2024-08-06", 100), u("k2", "gpt-4o-2024-08-06", 300), u("k1", "gpt-4o-mini-2024-07-18", 50)];
  const other = { ...u("k1", "gpt-4o-2024-08-06", 10), day: new Date("2026-11-21T00:00:00Z") };
  const prices = new Map<UsageIn, bigint | null>([[usage[0], 100n], [usage[1], 300n], [usage[2], null], [other, 7n]]);
  const pieces = billedPieces(
    [...usage, other],
    [
      { day, sourceId: "s", provider: "openai", projectId: "p", model: "gpt-4o-2024-08-06", amountPico: 4000n },
      { day, sourceId: "s", provider: "openai", projectId: "p", model: "", amountPico: 450n },
      { day, sourceId: "s", provider: "openai", projectId: "p", model: "o3-2025-04-16", amountPico: 99n },
    ],
    (x) => prices.get(x) ?? null,
    (_p, _proj, key) => ({ project: key === "k1" ? "app" : "", team: "" }),
  );
  const picoOf = (f: (p: (typeof pieces)[number]) => boolean) => pieces.filter(f).reduce((s, p) => s + (p.pico ?? 0n), 0n);
  // the day's bill is kept whole
  assert.equal(picoOf((p) => p.day.getTime() === day.getTime()), 4000n + 450n + 99n);
  // gpt-4o's 4000 split 1:3 by price, plus its share of the model-less 450 (weights 100, 300, 50 tokens)
  assert.equal(picoOf((p) => p.model === "gpt-4o" && p.project === "app" && p.day.getTime() === day.getTime()), 1000n + 100n);
  assert.equal(picoOf((p) => p.model === "gpt-4o-mini"), 50n);
  assert.equal(picoOf((p) => p.model === "o3"), 99n, "a cost line with no usage stays its own row");
  const next = pieces.find((p) => p.day.getTime() !== day.getTime())!;
  assert.equal(next.basis, "usage_x_catalog");
  assert.equal(next.pico, 7n);
});
