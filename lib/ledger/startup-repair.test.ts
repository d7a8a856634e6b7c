/**
 * Integration (embedded ClickHouse): what a crash between an INSERT into llm_events and its
 * materialized view leaves behind is found through the write's intent and repaired at start-up.
 * The crash is reproduced by detaching the view around a raw INSERT, as a SIGKILL between the two
 * would leave it (the e2e crash test does it with real kills).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chCommand, chInsert, chQuery } from "@/lib/clickhouse/query";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { toEventRow } from "@/lib/ingest/rows";
import { querySpend } from "@/lib/analytics/spend";
import { rawRollupMismatches } from "./consistency";
import { IntentLog, intentLog } from "./intents";
import { orgHoursOf } from "./org-hours";
import { repairRollup } from "./rollup-repair";
import { repairInterruptedWrites } from "./startup-repair";
import { writeLedgerRows } from "./write-events";
import { LLM_EVENTS, SPEND_HOURLY, SPEND_HOURLY_MV } from "@/lib/clickhouse/tables";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const quiet = () => undefined;

function row(org: string, id: string, iso: string, costPico = 1_000_000) {
  return toEventRow(
    org,
    "k",
    {
      id, timestamp: new Date(iso), provider: "openai", model: "gpt-4o-mini", project: "p", feature: "f", team: "t", user: "u", customer: "c", environment: "prod",
      tokens: { inputUncached: 100, cacheRead: 20, cacheWrite5m: 0, cacheWrite1h: 0, output: 30, reasoning: 0 },
      latencyMs: 12, status: "ok", appCache: "miss", tags: {}, source: "api",
    },
    { priced: true, costPico, cacheSavingsPico: 0, priceSource: "catalog", priceRef: "test" },
  );
}

/** The intent log of a process that dies with its writes in flight (leases never released). */
const crashedProcess = new IntentLog();

/** A raw INSERT whose view never ran, under an intent that was never cleared: a crash between them. */
async function crashBetweenRawAndView(rows: ReturnType<typeof row>[]) {
  await crashedProcess.acquire(orgHoursOf(rows), "test.crash");
  await chCommand(`DETACH TABLE ${SPEND_HOURLY_MV}`, { tag: "test" });
  try {
    await chInsert(LLM_EVENTS, rows, { tag: "test" });
  } finally {
    await chCommand(`ATTACH TABLE ${SPEND_HOURLY_MV}`, { tag: "test" });
  }
}

async function requests(org: string, from: string, to: string) {
  const rows = await querySpend({ orgId: org, from: new Date(from), to: new Date(to), groupBy: [], filters: {} });
  return rows[0]?.requests ?? 0;
}

test("raw rows whose view never ran are counted after the start-up repair, once", async () => {
  const org = store.orgId;
  await ingestEvents(org, "k", [{ id: "ok-1", timestamp: "2026-09-01T10:05:00Z", provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 5, output_tokens: 1 } }]);
  await crashBetweenRawAndView([row(org, "lost-1", "2026-09-01T10:10:00Z"), row(org, "lost-2", "2026-09-01T11:10:00Z"), row(org, "lost-3", "2025-01-31T23:59:59Z")]);
  assert.equal(await requests(org, "2026-09-01T00:00:00Z", "2026-09-02T00:00:00Z"), 1, "before the repair the rollup lacks them");
  assert.equal((await rawRollupMismatches(org)).length, 3);

  const lines: string[] = [];
  const first = await repairInterruptedWrites({ log: (l) => lines.push(l) });
  assert.ok(first.intents >= 1);
  assert.equal(first.requests, 3);
  assert.match(lines.join("\n"), /3 requests added/);
  assert.deepEqual(await rawRollupMismatches(), []);
  assert.equal(await requests(org, "2026-09-01T00:00:00Z", "2026-09-02T00:00:00Z"), 3);
  assert.equal(await requests(org, "2025-01-31T00:00:00Z", "2025-02-01T00:00:00Z"), 1);

  const again = await repairInterruptedWrites({ log: quiet });
  assert.deepEqual(again, { intents: 0, rows: 0, requests: 0 }, "intents are cleared; nothing left to repair");
});

test("rollup rows without their raw rows (the view ran, the raw part did not) are taken back out", async () => {
  const org = await store.createOrg("phantom");
  const real = [row(org, "r-1", "2026-08-05T07:00:00Z")];
  await writeLedgerRows(real.map((r) => [r]), { tag: "test" });
  // The rollup of an event that is not in llm_events, under an open intent.
  const ghost = row(org, "ghost", "2026-08-05T07:30:00Z", 5_000_000);
  await crashedProcess.acquire(orgHoursOf([ghost]), "test.crash");
  await chCommand(
    `INSERT INTO ${SPEND_HOURLY} (org_id, hour, provider, model, project, feature, team, user, customer, environment, price_source, requests, cost_pico)
     VALUES ({org:String}, '2026-08-05 07:00:00', 'openai', 'gpt-4o-mini', 'p', 'f', 't', 'u', 'c', 'prod', 'catalog', 1, 5000000)`,
    { tag: "test", params: { org } },
  );
  assert.equal(await requests(org, "2026-08-05T00:00:00Z", "2026-08-06T00:00:00Z"), 2);
  const res = await repairInterruptedWrites({ log: quiet });
  assert.equal(res.requests, -1);
  assert.equal(await requests(org, "2026-08-05T00:00:00Z", "2026-08-06T00:00:00Z"), 1);
  assert.deepEqual(await rawRollupMismatches(org), []);
});

test("a re-cost pair whose view never ran is repaired to the new price, the request counted once", async () => {
  const org = await store.createOrg("recost crash");
  const live = row(org, "rc-1", "2026-07-01T01:00:00Z", 1_000_000);
  await writeLedgerRows([[live]], { tag: "test" });
  await crashBetweenRawAndView([
    { ...live, sign: -1 },
    { ...live, cost_pico: 3_000_000, version: 2, sign: 1 },
  ]);
  await repairInterruptedWrites({ log: quiet });
  const [t] = await querySpend({ orgId: org, from: new Date("2026-07-01T00:00:00Z"), to: new Date("2026-07-02T00:00:00Z"), groupBy: [], filters: {} });
  assert.equal(t.requests, 1);
  assert.equal(t.cost_usd_exact, "0.000003");
  assert.deepEqual(await rawRollupMismatches(org), []);
});

test("the repair is idempotent: a second run over the same hours adds nothing", async () => {
  const org = await store.createOrg("idempotent");
  const rows = [row(org, "i-1", "2026-06-01T00:00:00Z"), row(org, "i-2", "2026-06-30T23:00:00Z")];
  await crashBetweenRawAndView(rows);
  const hours = orgHoursOf(rows);
  assert.deepEqual(await repairRollup(hours), { rows: 2, requests: 2 });
  assert.deepEqual(await repairRollup(hours), { rows: 0, requests: 0 });
  await repairInterruptedWrites({ log: quiet }); // clears the intent
});

test("a completed write leaves no intent once its clear is written", async () => {
  const org = await store.createOrg("clean");
  await writeLedgerRows([[row(org, "c-1", "2026-05-01T00:00:00Z")]], { tag: "test" });
  await intentLog().flushClears();
  assert.deepEqual(await intentLog().listOpen(), []);
  const [{ n }] = await chQuery<{ n: string }>(`SELECT count() AS n FROM ${LLM_EVENTS} WHERE org_id = {org:String}`, { tag: "test", params: { org } });
  assert.equal(Number(n), 1);
});
