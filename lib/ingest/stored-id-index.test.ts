/**
 * Integration: the in-memory id index must never let a stored id through as new. Ids stored before
 * the index loads (here written straight into ClickHouse, as a previous run of the server would have
 * left them) and ids stored through the writer afterwards are both answered "duplicate".
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chCommand } from "@/lib/clickhouse/query";
import { ingestEvents } from "./ingest-batch";
import { storedIdIndex } from "./stored-id-index";
import { querySpend } from "@/lib/analytics/spend";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
before(async () => {
  store = await openTempStore();
  // 1,200,000 ids stored by "an earlier process": more than two loader pages.
  await chCommand(
    `INSERT INTO ${LLM_EVENTS} (org_id, event_id, ts, provider, model, sign, version)
     SELECT {org:String}, concat('old-', toString(number)), toDateTime64('2026-10-02 00:00:00', 3, 'UTC'), 'openai', 'gpt-4o-mini', 1, 1
     FROM numbers(1200000)`,
    { tag: "test", params: { org: store.orgId } },
  );
});
after(async () => {
  await store?.close();
});

const event = (id: string, hour = "10") => ({ id, timestamp: `2026-10-02T${hour}:00:00Z`, provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 10, output_tokens: 5 } });

async function waitReady() {
  for (let i = 0; i < 600 && !storedIdIndex()?.filter(); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(storedIdIndex()?.filter(), "index loaded");
}

test("ids stored before the index loaded are duplicates, answered from the loaded index", async () => {
  storedIdIndex();
  await waitReady();
  // No assertion on the filter's count: it is approximate (a false positive on add does not count).
  const res = await ingestEvents(store.orgId, "k", [event("old-0"), event("old-654321"), event("old-1199999"), event("new-1")]);
  assert.deepEqual(res.results.map((r) => r.status), ["duplicate", "duplicate", "duplicate", "accepted"]);
});

test("ids stored through the writer after loading are duplicates on retry, and totals count them once", async () => {
  const ids = Array.from({ length: 500 }, (_, i) => `fresh-${i}`);
  // An hour of its own, so this test's total does not depend on the others.
  const first = await ingestEvents(store.orgId, "k", ids.map((id) => event(id, "11")));
  assert.equal(first.accepted, 500);
  for (const id of ids) assert.equal(storedIdIndex()!.filter()!.mightContain(`${store.orgId}\u0000${id}`), true, id);
  const retry = await ingestEvents(store.orgId, "k", ids.map((id) => event(id, "11")));
  assert.equal(retry.duplicates, 500);
  const [t] = await querySpend({ orgId: store.orgId, from: new Date("2026-10-02T11:00:00Z"), to: new Date("2026-10-02T12:00:00Z"), groupBy: [], filters: {} });
  assert.equal(t.requests, 500);
});

test("the same id in another organization is a different event", async () => {
  const other = await store.createOrg("other");
  const res = await ingestEvents(other, "k", [event("old-0"), event("fresh-1")]);
  assert.deepEqual(res.results.map((r) => r.status), ["accepted", "accepted"]);
});
