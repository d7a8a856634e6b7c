/** The shared slice: one waiting loop resumed per turn of the event loop, however many loops yield. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { SliceScheduler, yieldEvery } from "./yield-slices";

/** A clock the test moves and turns it runs by hand, so what runs in which turn is exact. */
function harness() {
  let t = 0;
  const turns: (() => void)[] = [];
  const s = new SliceScheduler(() => t, (resume) => void turns.push(resume));
  return {
    s,
    advance: (ms: number) => void (t += ms),
    pending: () => turns.length,
    /** One turn of the event loop: the callbacks deferred before it began, then their microtasks. */
    async turn() {
      const now = turns.splice(0);
      for (const f of now) f();
      await new Promise((r) => setImmediate(r)); // lets the resumed loops' continuations run
    },
  };
}

test("within the slice a pause does not wait; past it, it waits for a turn", async () => {
  const h = harness();
  h.advance(1);
  assert.equal(h.s.pause(2), undefined);
  h.advance(2);
  const p = h.s.pause(2);
  assert.ok(p instanceof Promise);
  assert.equal(h.pending(), 1);
  await h.turn();
  await p;
  assert.equal(h.s.waiters, 0);
});

test("three loops that yield together are resumed one per turn, and share the slice of the turn they run in", async () => {
  const h = harness();
  h.advance(5);
  const ran: string[] = [];
  const loop = async (name: string) => {
    for (let step = 0; step < 2; step++) {
      await h.s.pause(2);
      ran.push(name);
      h.advance(3); // each step is longer than the slice
    }
  };
  const loops = Promise.all([loop("a"), loop("b"), loop("c")]);
  await new Promise((r) => setImmediate(r));
  assert.equal(h.s.waiters, 3);
  const perTurn: string[][] = [];
  while (h.pending()) {
    const before = ran.length;
    await h.turn();
    perTurn.push(ran.slice(before));
  }
  await loops;
  // Before the slice was shared, the first turn ran a, b and c back to back (9 ms of steps).
  assert.ok(perTurn.every((names) => names.length <= 1), JSON.stringify(perTurn));
  assert.equal(ran.length, 6);
});

test("a loop resumed in a turn and one arriving within its slice both run; a later arrival waits", async () => {
  const h = harness();
  h.advance(5);
  const first = h.s.pause(2)!;
  await h.turn();
  await first;
  h.advance(1);
  assert.equal(h.s.pause(2), undefined); // same turn, 1 ms into the slice
  h.advance(1);
  assert.ok(h.s.pause(2) instanceof Promise);
});

test("yieldEvery resolves on the real event loop, and an I/O callback runs between two loops' slices", async () => {
  const pauseA = yieldEvery(0);
  const pauseB = yieldEvery(0);
  const order: string[] = [];
  const busy = async (name: string, pause: () => Promise<void>) => {
    for (let i = 0; i < 3; i++) {
      await pause();
      order.push(name);
    }
  };
  const io = new Promise<void>((resolve) => setTimeout(() => (order.push("timer"), resolve()), 0));
  await Promise.all([busy("a", pauseA), busy("b", pauseB), io]);
  assert.equal(order.filter((x) => x === "a").length, 3);
  assert.equal(order.filter((x) => x === "b").length, 3);
  assert.ok(order.includes("timer"));
});
