/** Unit: in the embedded engine's one lane, reads go before writes, and writes still progress. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { afterReads, asRead, MAX_WAIT_MS, readRecently, readsInFlight, RECENT_READ_MS } from "./engine-turns";

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
};
const turn = () => new Promise((r) => setImmediate(r));

test("a write waits while a read runs, and starts as soon as the last read ends", async () => {
  const order: string[] = [];
  const g = gate();
  const read = asRead(async () => {
    await g.opened;
    order.push("read");
  });
  const write = afterReads(async () => order.push("write"));
  await turn();
  assert.deepEqual(order, [], "the write has not started while the read runs");
  assert.equal(readsInFlight(), 1);
  g.open();
  await Promise.all([read, write]);
  assert.deepEqual(order, ["read", "write"]);
  assert.equal(readsInFlight(), 0);
});

test("with no read in flight a write starts at once", async () => {
  const s = performance.now();
  await afterReads(async () => undefined);
  assert.ok(performance.now() - s < MAX_WAIT_MS);
});

test("under a read that does not end, a write waits at most MAX_WAIT_MS", async () => {
  const g = gate();
  const read = asRead(() => g.opened);
  const s = performance.now();
  await afterReads(async () => undefined);
  assert.ok(performance.now() - s >= MAX_WAIT_MS - 2, "it waited for the read");
  g.open();
  await read;
});

test("a failed read still lets the writes through", async () => {
  const g = gate();
  const read = asRead(async () => {
    await g.opened;
    throw new Error("read failed");
  });
  let wrote = false;
  const write = afterReads(async () => (wrote = true));
  g.open();
  await assert.rejects(read);
  await write;
  assert.ok(wrote);
  assert.equal(readsInFlight(), 0);
});

test("readers count as present while a read runs and for RECENT_READ_MS after the last one ends", async () => {
  const g = gate();
  const read = asRead(() => g.opened);
  assert.equal(readRecently(), true, "a read in flight");
  g.open();
  await read;
  const ended = performance.now();
  assert.equal(readRecently(ended), true);
  assert.equal(readRecently(ended + RECENT_READ_MS + 1), false, "long after the last read");
});

test("the write path's own lookups go first but are not readers", async () => {
  const g = gate();
  const lookup = asRead(() => g.opened, true);
  assert.equal(readsInFlight(), 1);
  assert.equal(readRecently(performance.now() + RECENT_READ_MS + 1), false, "a lookup in flight is no reader");
  g.open();
  await lookup;
});
