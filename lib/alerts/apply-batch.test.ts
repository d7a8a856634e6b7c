import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db/prisma";
import { resolveAlert } from "./actions";
import { applyEvaluations } from "./apply-batch";
import { condition, evaluation, minutes } from "./testing/fixtures";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

const alertOf = async (dedupKey: string) => (await db().alert.findMany({ where: { orgId: cfg.orgId, dedupKey }, orderBy: { openedAt: "asc" } })).at(-1)!;
const pass = (at: number, prefix: string, n: number, numbers?: (i: number) => Record<string, number>) =>
  Array.from({ length: n }, (_, i) =>
    evaluation(cfg.orgId, `${prefix}-src-${i}`, [condition(`${prefix}-${i}`, 1, "warning", numbers ? { numbers: numbers(i) } : {})], minutes(at)),
  );

test("a pass that changes nothing is recognised from one read and writes nothing", async () => {
  const first = await applyEvaluations(pass(0, "quiet", 20));
  assert.deepEqual(first, { applied: 20, unchanged: 0 });
  const before = await alertOf("quiet-7");
  await new Promise((r) => setTimeout(r, 20));
  const again = await applyEvaluations(pass(1, "quiet", 20));
  assert.deepEqual(again, { applied: 0, unchanged: 20 });
  assert.deepEqual((await alertOf("quiet-7")).updatedAt, before.updatedAt);
});

test("more live alerts than one page of the read are all recognised as unchanged", async () => {
  assert.deepEqual(await applyEvaluations(pass(0, "paged", 230)), { applied: 230, unchanged: 0 });
  assert.deepEqual(await applyEvaluations(pass(1, "paged", 230)), { applied: 0, unchanged: 230 });
});

test("numbers that drift under half a percent are not rewritten; a larger move is", async () => {
  const base = { actual: 200, expected: 3, impact_usd: 9.5 };
  await applyEvaluations(pass(0, "drift", 3, () => base));
  const small = await applyEvaluations(pass(1, "drift", 3, () => ({ ...base, actual: 200.5 })));
  assert.deepEqual(small, { applied: 0, unchanged: 3 });
  assert.equal(JSON.parse((await alertOf("drift-1")).numbers).actual, 200);
  const large = await applyEvaluations(pass(2, "drift", 3, (i) => ({ ...base, actual: i === 1 ? 210 : 200.5 })));
  assert.deepEqual(large, { applied: 1, unchanged: 2 });
  assert.equal(JSON.parse((await alertOf("drift-1")).numbers).actual, 210);
});

test("a gone condition, a new one and a worse level go through the store; the rest stay quiet", async () => {
  await applyEvaluations(pass(0, "mix", 4));
  const next = pass(1, "mix", 4);
  next[0] = { ...next[0], conditions: [] }; // gone: the alert starts clearing
  next[1] = { ...next[1], conditions: [condition("mix-1", 2, "critical")] }; // escalates
  next[2] = { ...next[2], conditions: [...next[2].conditions, condition("mix-new")] }; // opens
  assert.deepEqual(await applyEvaluations(next), { applied: 3, unchanged: 1 });
  assert.deepEqual((await alertOf("mix-0")).clearSince, minutes(1));
  assert.equal((await alertOf("mix-1")).level, 2);
  assert.equal((await alertOf("mix-new")).state, "open");
});

test("an alert resolved by hand while its condition holds stays resolved and quiet", async () => {
  await applyEvaluations(pass(0, "latch", 2));
  await resolveAlert((await alertOf("latch-0")).id, { orgId: cfg.orgId, actor: "u1", now: minutes(1) });
  assert.deepEqual(await applyEvaluations(pass(2, "latch", 2)), { applied: 0, unchanged: 2 });
  assert.equal((await alertOf("latch-0")).state, "resolved");
  // cleared: the latch is lifted by the store (a write), so the next hold pages again
  assert.deepEqual(await applyEvaluations([{ ...pass(3, "latch", 1)[0], conditions: [] }]), { applied: 1, unchanged: 0 });
  assert.equal((await alertOf("latch-0")).latchKey, null);
});
