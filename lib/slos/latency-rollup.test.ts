/**
 * Integration (embedded ClickHouse): the latency histogram rollup. Its quantiles match the exact
 * quantiles of the raw events within half a bucket; a re-cost leaves every event counted once; and a
 * write whose materialized view never ran (a SIGKILL between the two, reproduced by detaching the
 * view around a raw INSERT under an intent never cleared) is found and repaired at start-up.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chCommand, chInsert, chQuery } from "@/lib/clickhouse/query";
import { toEventRow } from "@/lib/ingest/rows";
import { IntentLog } from "@/lib/ledger/intents";
import { orgHoursOf } from "@/lib/ledger/org-hours";
import { latencyOverTime } from "@/lib/analytics/latency";
import { seededRandom } from "@/lib/random/seeded";
import { repairLatencyAfterInterruptedWrites } from "./latency-repair";
import { LATENCY_HOURLY, LLM_EVENTS, LATENCY_HOURLY_MV } from "@/lib/clickhouse/tables";

let store: TempStore;
after(async () => {
  await store?.close();
});

const T0 = Date.UTC(2026, 10, 20, 0, 0, 0);
const FROM = new Date(T0);
const TO = new Date(T0 + 86_400_000);

function row(org: string, id: string, at: number, latency: number, feature = "f") {
  return toEventRow(
    org,
    "k",
    {
      id, timestamp: new Date(at), provider: "openai", model: "m", project: "p", feature, team: "t", user: "u", customer: "c", environment: "prod",
      tokens: { inputUncached: 10, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 5, reasoning: 0 },
      latencyMs: latency, status: "ok", appCache: "", tags: {}, source: "api",
    },
    { priced: true, costPico: 1_000_000, cacheSavingsPico: 0, priceSource: "catalog", priceRef: "test" },
  );
}

/** Exact quantile by rank (the q-th of the sorted values), the definition the histogram reads by. */
function exact(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
}

async function histogramCount(org: string): Promise<number> {
  const [r] = await chQuery<{ n: string }>(`SELECT toInt64(sum(requests)) AS n FROM ${LATENCY_HOURLY} WHERE org_id = {org:String}`, { tag: "test", params: { org } });
  return Number(r.n);
}

let org = "";
let rows: ReturnType<typeof row>[] = [];
before(async () => {
  store = await openTempStore();
  org = await store.createOrg("latency");
  const rand = seededRandom(11);
  // A long-tailed mix: most requests 200-800 ms, a tail to 20 s.
  rows = Array.from({ length: 3000 }, (_, i) => {
    const u = rand();
    const ms = Math.round(u < 0.9 ? 200 + 600 * rand() : 800 + 19_200 * Math.pow(rand(), 2));
    return row(org, `e${i}`, T0 + Math.floor(rand() * 86_400_000), ms);
  });
  await chInsert(LLM_EVENTS, rows, { tag: "test" });
});

test("P50 / P95 / P99 from the rollup are within half a bucket (2.5%) of the raw events' exact quantiles", async () => {
  const sorted = rows.map((r) => r.latency_ms!).sort((a, b) => a - b);
  const got = await latencyOverTime(org, { from: FROM, to: TO, filters: {} });
  for (const [q, v] of [[0.5, got.overall.p50], [0.95, got.overall.p95], [0.99, got.overall.p99]] as const) {
    const want = exact(sorted, q);
    assert.ok(v !== null && Math.abs(v - want) / want <= 0.026, `p${q * 100}: rollup ${v}, raw ${want}`);
  }
  assert.equal(got.points.reduce((s, p) => s + p.requests, 0), 3000);
});

test("a re-cost (cancelling row + new version) leaves each event counted once", async () => {
  const recosted = rows.slice(0, 1000);
  await chInsert(LLM_EVENTS, recosted.flatMap((r) => [{ ...r, sign: -1 }, { ...r, cost_pico: 2_000_000, version: 2 }]), { tag: "test" });
  assert.equal(await histogramCount(org), 3000);
  const got = await latencyOverTime(org, { from: FROM, to: TO, filters: {} });
  assert.equal(got.points.reduce((s, p) => s + p.requests, 0), 3000);
});

test("a write whose view never ran is repaired at start-up from the open intent; a second run adds nothing", async () => {
  const o = await store.createOrg("crash");
  const lost = [row(o, "c1", T0 + 1000, 120), row(o, "c2", T0 + 2000, 450), row(o, "c3", T0 + 7_200_000, 3000)];
  const crashed = new IntentLog(); // the intent log of a process that died with its write in flight
  await crashed.acquire(orgHoursOf(lost), "test.crash");
  await chCommand(`DETACH TABLE ${LATENCY_HOURLY_MV}`, { tag: "test" });
  try {
    await chInsert(LLM_EVENTS, lost, { tag: "test" });
  } finally {
    await chCommand(`ATTACH TABLE ${LATENCY_HOURLY_MV}`, { tag: "test" });
  }
  assert.equal(await histogramCount(o), 0, "the crash left the histogram short");
  const lines: string[] = [];
  const first = await repairLatencyAfterInterruptedWrites({ log: (l) => lines.push(l) });
  assert.ok(first.rows > 0);
  assert.equal(await histogramCount(o), 3);
  const p = await latencyOverTime(o, { from: FROM, to: TO, filters: {} });
  assert.ok(p.overall.p99! > 2900 && p.overall.p99! < 3100, String(p.overall.p99));
  assert.deepEqual(await repairLatencyAfterInterruptedWrites({ log: () => undefined }), { rows: 0 });
  assert.equal(await histogramCount(o), 3);
  assert.equal(await histogramCount(org), 3000, "other organizations untouched");
});
