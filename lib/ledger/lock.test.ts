import { test } from "node:test";
import assert from "node:assert/strict";
import { SharedExclusiveLock } from "./lock";

const tick = () => new Promise((r) => setTimeout(r, 5));

test("shared holders run together; an exclusive holder waits for them and runs alone", async () => {
  const lock = new SharedExclusiveLock();
  const log: string[] = [];
  let releaseA!: () => void;
  const a = lock.shared(() => new Promise<void>((r) => { log.push("a start"); releaseA = () => { log.push("a end"); r(); }; }));
  const b = lock.shared(async () => { log.push("b"); });
  await b;
  const x = lock.exclusive(async () => { log.push("x"); });
  const c = lock.shared(async () => { log.push("c"); });
  await tick();
  assert.deepEqual(log, ["a start", "b"], "x waits for a; c queues behind the waiting x");
  releaseA();
  await Promise.all([a, x, c]);
  assert.deepEqual(log, ["a start", "b", "a end", "x", "c"]);
});

test("a failing holder releases the lock", async () => {
  const lock = new SharedExclusiveLock();
  await assert.rejects(lock.exclusive(async () => { throw new Error("boom"); }));
  await assert.rejects(lock.shared(async () => { throw new Error("boom"); }));
  assert.equal(await lock.exclusive(async () => 42), 42);
});

test("shared holders queued behind an exclusive one are all let in when it ends", async () => {
  const lock = new SharedExclusiveLock();
  let inside = 0;
  let most = 0;
  let releaseX!: () => void;
  const x = lock.exclusive(() => new Promise<void>((r) => (releaseX = r)));
  const readers = [1, 2, 3].map(() =>
    lock.shared(async () => {
      inside++;
      most = Math.max(most, inside);
      await tick();
      inside--;
    }),
  );
  await tick();
  assert.equal(inside, 0);
  releaseX();
  await Promise.all([x, ...readers]);
  assert.equal(most, 3);
});
