/** Unit: the answer cache shares, drops failures and large answers, stays bounded and forgets on a write. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { noteLedgerWrite } from "@/lib/clickhouse/ledger-generation";
import { AnswerCache } from "./answer-cache";

const cache = (max = 3, keepAtMost = 10) => new AnswerCache<Promise<string>>(max, (p) => p.then((s) => s.length), keepAtMost);
const tick = () => new Promise((r) => setImmediate(r));

test("one computation per question until the next write", async () => {
  const c = cache();
  let asked = 0;
  const compute = () => Promise.resolve(`a${++asked}`);
  assert.equal(await c.get("q", compute), "a1");
  assert.equal(await c.get("q", compute), "a1");
  noteLedgerWrite();
  assert.equal(await c.get("q", compute), "a2");
  assert.equal(asked, 2);
});

test("a failed answer and an answer over the size bound are not kept", async () => {
  const c = cache();
  let asked = 0;
  await assert.rejects(c.get("q", () => Promise.reject(new Error(`fail ${++asked}`))));
  await tick();
  assert.equal(await c.get("q", () => Promise.resolve(`ok${++asked}`)), "ok2");
  await c.get("big", () => Promise.resolve("x".repeat(11)));
  await tick();
  assert.equal(await c.get("big", () => Promise.resolve("again")), "again");
});

test("at most `max` questions are kept, the least recently asked dropped first", async () => {
  const c = cache(2);
  const keep = (v: string) => () => Promise.resolve(v);
  await c.get("a", keep("a"));
  await c.get("b", keep("b"));
  await c.get("a", keep("a2")); // a is now the most recent
  await c.get("c", keep("c")); // drops b
  assert.equal(await c.get("a", keep("a3")), "a");
  assert.equal(await c.get("b", keep("b2")), "b2");
});
