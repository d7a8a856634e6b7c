import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { strict as assert } from "node:assert";
import { after, before, test } from "node:test";
import { runAsLeader, releaseLease } from "./leases";

let cfg: ConfigDb;
before(async () => (cfg = await openConfigDb()));
after(async () => cfg?.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("a loop's lease stays with the process that ran the last pass until it stops extending it", async () => {
  const name = "worker:test-loop";
  const ran: string[] = [];
  const pass = (who: string) => runAsLeader(name, 1000, async () => (ran.push(who), who), who);
  assert.deepEqual(await pass("a"), { value: "a" });
  assert.equal(await pass("b"), null, "another process skips while the holder keeps it");
  assert.deepEqual(await pass("a"), { value: "a" }, "the holder's next pass runs again");
  // A pass longer than the lease: heartbeats keep it, so nobody else runs meanwhile.
  const long = runAsLeader(name, 1000, () => sleep(2500).then(() => "a"), "a");
  await sleep(1500);
  assert.equal(await pass("b"), null, "not taken during a long pass");
  await long;
  // The holder dies (no more passes, no extensions): once the lease expires, another process takes over.
  await sleep(2000);
  assert.deepEqual(await pass("b"), { value: "b" });
  assert.equal(await pass("a"), null);
  await releaseLease(name, "b"); // a stopping process hands it over at once
  assert.deepEqual(await pass("a"), { value: "a" });
  assert.deepEqual(ran, ["a", "a", "b", "a"]);
});
