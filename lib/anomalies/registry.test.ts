import { test } from "node:test";
import assert from "node:assert/strict";
import { createDetectorRegistry, seriesKey } from "./registry";

test("series keys are distinct even when parts contain the separator", () => {
  const a = seriesKey({ metric: "cost", dimension: "feature", value: "a|b", step: "1h" });
  const b = seriesKey({ metric: "cost", dimension: "feature|a", value: "b", step: "1h" });
  assert.notEqual(a, b);
});

test("each series has its own detector: a spike in one does not disturb another", () => {
  const reg = createDetectorRegistry();
  const chat = seriesKey({ metric: "cost", dimension: "feature", value: "chat", step: "1h" });
  const search = seriesKey({ metric: "cost", dimension: "feature", value: "search", step: "1h" });
  const t0 = Date.UTC(2026, 0, 5);
  let chatAlerts = 0;
  let searchAlerts = 0;
  for (let i = 0; i < 24 * 10; i++) {
    const t = t0 + i * 3_600_000;
    const wobble = 1 + 0.05 * Math.sin(i * 1.7);
    if (reg.update(chat, t, (i === 200 ? 20 : 1) * 10 * wobble).isAnomaly) chatAlerts++;
    if (reg.update(search, t, 3 * wobble).isAnomaly) searchAlerts++;
  }
  assert.equal(chatAlerts, 1);
  assert.equal(searchAlerts, 0);
  assert.equal(reg.size, 2);
  assert.deepEqual([...reg.ids()].sort(), [chat, search].sort());
  assert.ok(reg.delete(chat));
  assert.equal(reg.has(chat), false);
});
