import { openConfigDb, type ConfigDb } from "./testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { SharedWindowCounters } from "./shared-window-counter";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

const MIN = 60_000;
const t0 = Date.parse("2026-12-01T10:00:10Z");

test("one process is exact: the limit is reached, and a refusal says when the window ends", async () => {
  const c = new SharedWindowCounters(60_000);
  for (let i = 0; i < 5; i++) assert.deepEqual(await c.take("k1", 5, MIN, 1, t0), { ok: true });
  assert.deepEqual(await c.take("k1", 5, MIN, 1, t0 + 20_000), { ok: false, retryAfterMs: 30_000 });
  assert.deepEqual(await c.take("k1", 5, MIN, 1, t0 + 50_000), { ok: true }, "next minute");
});

test("a batch that does not fit is refused whole and takes nothing", async () => {
  const c = new SharedWindowCounters(60_000);
  assert.deepEqual(await c.take("k2", 10, MIN, 8, t0), { ok: true });
  assert.equal((await c.take("k2", 10, MIN, 3, t0)).ok, false);
  assert.deepEqual(await c.take("k2", 10, MIN, 2, t0), { ok: true });
});

test("processes share the count through the database once they sync, and it survives a restart", async () => {
  const a = new SharedWindowCounters(60_000);
  const b = new SharedWindowCounters(60_000);
  for (let i = 0; i < 6; i++) assert.equal((await a.take("k3", 10, MIN, 1, t0)).ok, true);
  await a.sync(t0);
  for (let i = 0; i < 4; i++) assert.equal((await b.take("k3", 10, MIN, 1, t0)).ok, true);
  assert.equal((await b.take("k3", 10, MIN, 1, t0)).ok, false, "b saw a's 6 when it first read the key");
  await b.sync(t0);
  await a.sync(t0);
  assert.equal((await a.take("k3", 10, MIN, 1, t0)).ok, false, "a learned b's 4 on its next sync");
  const restarted = new SharedWindowCounters(60_000);
  assert.equal((await restarted.take("k3", 10, MIN, 1, t0)).ok, false);
});
