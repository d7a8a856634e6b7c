import { expect, test } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seededRandom } from "../lib/random/seeded";
import { createTestDatabase } from "../lib/testing/test-database";
import { ServerProcess, setupOrgs } from "./crash/server-process";
import { readStore, type StoreState } from "./crash/store-check";

/**
 * Crash safety of the ledger with real processes and real SIGKILLs. The built product (`next start`)
 * serves its own data directory on its own port while several clients of two organizations send
 * batches; at a random moment the whole server process group is killed. Then, each time:
 *   restart (start-up repairs before serving) -> retry every unacknowledged batch -> stop ->
 *   open the data directory from the test process (chdb admits one process per directory) and compare:
 *   every acknowledged id is stored, no id counts twice, the rollup equals the raw events in every
 *   org-hour (requests, tokens, cost), and stored ids == acknowledged ∪ retried.
 * CRASH_KILLS (default 10) and CRASH_SEED reproduce a run; the seed is printed.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 10);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000_007);
const PORT = Number(process.env.E2E_CRASH_PORT ?? Number(process.env.E2E_PORT ?? 3111) + 1);
const CLIENTS = 4; // two per organization
const BATCH = 200;

type Batch = { org: number; ids: string[]; body: string; acked: boolean; retried: boolean };

test("SIGKILL at random moments during concurrent ingest never loses or double-counts an event", async () => {
  test.setTimeout(15 * 60_000);
  const rand = seededRandom(SEED);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-crash-"));
  const database = await createTestDatabase("crash"); // PostgreSQL runs only: a database of its own
  const orgs = await setupOrgs(dataDir, database?.url);
  const server = new ServerProcess(dataDir, PORT, database?.url);
  const batches: Batch[] = [];
  const failures: string[] = [];
  let repairedAfter = 0;
  let seq = 0;

  const post = async (b: Batch) => {
    const res = await fetch(`${server.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${orgs[b.org].key}`, "content-type": "application/json" },
      body: b.body,
    });
    if (res.status !== 200) return false;
    const body = (await res.json()) as { results: { status: string }[] };
    return body.results.every((r) => r.status === "accepted" || r.status === "duplicate");
  };

  const newBatch = (client: number): Batch => {
    const org = client % 2;
    const n = seq++;
    const backfill = rand() < 0.2; // spread over 30 months: a write of several INSERTs
    const now = Date.now();
    const events = Array.from({ length: BATCH }, (_, i) => ({
      id: `c${client}-b${n}-${i}`,
      timestamp: new Date(now - Math.floor(rand() * (backfill ? 900 : 10) * 86_400_000)).toISOString(),
      provider: "openai",
      model: rand() < 0.9 ? "gpt-4o-mini" : "crash-test-unpriced",
      feature: `f${Math.floor(rand() * 5)}`,
      customer: `cust-${Math.floor(rand() * 50)}`,
      usage: { prompt_tokens: 1 + Math.floor(rand() * 5000), completion_tokens: Math.floor(rand() * 800) },
    }));
    return { org, ids: events.map((e) => e.id), body: JSON.stringify({ events }), acked: false, retried: false };
  };

  /** Clients send batches back to back until the server dies under them. */
  const runLoad = (untilDead: { dead: boolean }) =>
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (!untilDead.dead) {
        const b = newBatch(client);
        batches.push(b);
        b.acked = await post(b).catch(() => false);
      }
    });

  const retryUnacknowledged = () =>
    Promise.all(
      batches
        .filter((x) => !x.acked)
        .map(async (b) => {
          b.retried = true;
          b.acked = await post(b).catch(() => false);
          if (!b.acked) failures.push(`a retry of batch ${b.ids[0]} after the restart was not acknowledged`);
        }),
    );

  const compare = (state: StoreState, when: string) => {
    const problems: string[] = [];
    if (state.mismatches.length) problems.push(`rollup != raw in ${state.mismatches.length} org-hours, e.g. ${JSON.stringify(state.mismatches[0])}`);
    if (state.miscounted.length) problems.push(`${state.miscounted.length} ids counted more than once, e.g. ${JSON.stringify(state.miscounted[0])}`);
    for (const [o, org] of orgs.entries()) {
      const live = state.live.get(org.id) ?? new Set<string>();
      const sent = batches.filter((b) => b.org === o);
      const missing = sent.filter((b) => b.acked).flatMap((b) => b.ids).filter((id) => !live.has(id));
      if (missing.length) problems.push(`org ${o}: ${missing.length} acknowledged ids not stored, e.g. ${missing[0]}`);
      const expected = new Set(sent.flatMap((b) => b.ids));
      const unexpected = [...live].filter((id) => !expected.has(id));
      if (unexpected.length) problems.push(`org ${o}: ${unexpected.length} stored ids never sent`);
      if (live.size !== expected.size) problems.push(`org ${o}: ${live.size} ids stored, ${expected.size} acknowledged or retried`);
      const counted = state.rollupRequests.get(org.id) ?? 0;
      if (counted !== live.size) problems.push(`org ${o}: the rollup counts ${counted} requests for ${live.size} stored ids`);
    }
    if (problems.length) failures.push(`${when}: ${problems.join("; ")}`);
  };

  try {
    await server.start();
    for (let kill = 1; kill <= KILLS; kill++) {
      const t0 = Date.now();
      const life = { dead: false };
      const acked = batches.filter((b) => b.acked).length;
      const clients = runLoad(life);
      // Kill once ingest is under way (the first answers after a start are slow), at a random moment.
      while (batches.filter((b) => b.acked).length < acked + CLIENTS && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, rand() * 1500));
      await server.kill();
      life.dead = true;
      await Promise.all(clients);
      const t1 = Date.now();

      server.output = "";
      await server.start(); // the start-up repair runs before the server answers
      const repairLine = server.output.match(/ledger: .*/)?.[0] ?? "no intents left";
      if (/requests added/.test(repairLine)) repairedAfter++;
      const t2 = Date.now();
      await retryUnacknowledged();
      await server.kill(); // idle now: every request has been answered
      const t3 = Date.now();
      compare(await readStore(dataDir), `after kill ${kill}`);
      const t4 = Date.now();
      if (kill < KILLS) await server.start();
      console.log(
        `kill ${kill}: load ${t1 - t0} ms, restart ${t2 - t1} ms (${repairLine}), retry ${t3 - t2} ms, check ${t4 - t3} ms, start ${Date.now() - t4} ms`,
      );
    }
  } finally {
    await server.kill();
    const sent = batches.length;
    console.log(
      `crash test (seed ${SEED}): ${KILLS} kills, ${sent} batches of ${BATCH} events, ` +
        `${batches.filter((b) => b.retried).length} retried after a kill; the start-up repair added missing rollup rows after ${repairedAfter} of the kills; ` +
        `${failures.length} checks failed`,
    );
    if (!failures.length) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
    else console.log(`data directory kept for inspection: ${dataDir}\nserver output (last lines):\n${server.output.slice(-2000)}`);
  }
  expect(failures, failures.join("\n")).toEqual([]);
});
