/**
 * Integration (embedded ClickHouse): text the engine refuses never reaches the shared INSERT, so one
 * tenant's bad event cannot fail another tenant's request; stored text reads back as sent (NFC).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "./ingest-batch";
import { querySpend } from "@/lib/analytics/spend";
import { parseSpendParams } from "@/lib/analytics/spend-params";
import { chQuery } from "@/lib/clickhouse/query";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const FROM = new Date("2026-10-01T00:00:00Z");
const TO = new Date("2026-11-01T00:00:00Z");
const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id, timestamp: "2026-10-05T10:00:00Z", provider: "openai", model: "gpt-4o-mini", usage: { input_tokens: 1000, output_tokens: 100 }, ...extra,
});
const requests = async (orgId: string, filters = {}) =>
  (await querySpend({ orgId, from: FROM, to: TO, groupBy: [], filters }))[0]?.requests ?? 0;

const FIELDS = ["id", "provider", "model", "project", "feature", "team", "user", "customer", "environment"] as const;

test("a lone surrogate in any field is rejected alone; a concurrent request of another organization is stored", async () => {
  for (const field of FIELDS) {
    const [orgA, orgB] = [await store.createOrg(`a-${field}`), await store.createOrg(`b-${field}`)];
    const [a, b] = await Promise.allSettled([
      ingestEvents(orgA, "ka", [event(`${field}-bad`, { [field]: "x\ud800" }), event(`${field}-good-a`)]),
      ingestEvents(orgB, "kb", [event(`${field}-good-b`)]),
    ]);
    assert.equal(b.status, "fulfilled", `${field}: the other organization's request failed: ${b.status === "rejected" ? b.reason : ""}`);
    assert.equal(a.status, "fulfilled", `${field}: the request with the bad event failed as a whole: ${a.status === "rejected" ? a.reason : ""}`);
    assert.deepEqual([b.value.accepted, b.value.rejected], [1, 0]);
    assert.deepEqual([a.value.accepted, a.value.rejected], [1, 1]);
    const bad = a.value.results[0];
    assert.equal(bad.status, "rejected");
    assert.match(bad.status === "rejected" ? bad.errors.join(" ") : "", new RegExp(`^${field}: contains an unpaired UTF-16 surrogate`));
    assert.equal(await requests(orgA), 1);
    assert.equal(await requests(orgB), 1);
  }
});

test("a lone surrogate in a tag key or value is rejected alone too", async () => {
  const org = await store.createOrg("tags");
  const res = await ingestEvents(org, "k", [event("t-key", { tags: { "k\udbff": "v" } }), event("t-value", { tags: { k: "\udfff" } }), event("t-ok", { tags: { k: "v" } })]);
  assert.deepEqual([res.accepted, res.rejected], [1, 2]);
  assert.equal(await requests(org), 1);
});

test("a forged token count (1e9) is rejected and adds nothing to the totals", async () => {
  const org = await store.createOrg("tokens");
  const res = await ingestEvents(org, "k", [event("big", { usage: { input_tokens: 1_000_000_000, output_tokens: 0 } })]);
  assert.equal(res.rejected, 1);
  assert.equal(await requests(org), 0);
});

test("__proto__ as a dimension value is stored and read back as sent; NFD in a filter finds the NFC value", async () => {
  const org = await store.createOrg("text");
  const res = await ingestEvents(org, "k", [
    event("p-1", { customer: "__proto__", feature: "constructor", tags: { route: "/x" } }),
    event("n-1", { customer: "Cafe\u0301" }),
  ]);
  assert.equal(res.accepted, 2);
  const rows = await querySpend({ orgId: org, from: FROM, to: TO, groupBy: ["customer"], filters: {} });
  assert.deepEqual(rows.map((r) => r.customer).sort(), ["Caf\u00e9", "__proto__"]);
  const stored = await chQuery<{ feature: string; route: string }>(
    `SELECT feature, tags['route'] AS route FROM ${LLM_EVENTS} WHERE org_id = {org:String} AND event_id = 'p-1'`,
    { tag: "test", params: { org } },
  );
  assert.deepEqual(stored, [{ feature: "constructor", route: "/x" }]);
  const q = parseSpendParams(new URLSearchParams("from=2026-10-01&to=2026-10-31&customer=Cafe%CC%81"));
  assert.ok(q.ok, JSON.stringify(q));
  assert.equal((await querySpend({ orgId: org, ...q.value }))[0]?.requests, 1);
});
