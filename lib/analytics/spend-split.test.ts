/**
 * Integration: querySpend reads whole UTC days through the daily projection and the hours at the
 * edges of the range from the hourly rows. Every event must be counted exactly once, whatever the
 * range's alignment; the hourly path (interval=hour) is the reference.
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { querySpend } from "./spend";

let store: TempStore;
const times = ["2026-10-04T12:00:00Z", "2026-10-05T23:30:00Z", "2026-10-06T00:00:00Z", "2026-10-06T12:00:00Z", "2026-10-06T23:59:59Z", "2026-10-07T00:10:00Z", "2026-10-07T01:10:00Z", "2026-10-08T09:00:00Z"];
before(async () => {
  store = await openTempStore();
  const events = times.map((timestamp, i) => ({
    id: `split-${i}`,
    timestamp,
    provider: "openai",
    model: "gpt-4o-mini",
    user: `u-${i % 3}`,
    usage: { input_tokens: 1000 * (i + 1), output_tokens: 10 },
  }));
  assert.equal((await ingestEvents(store.orgId, "k", events)).accepted, times.length);
});
after(async () => {
  await store?.close();
});

const count = (from: string, to: string) => times.filter((t) => Date.parse(t) >= Math.floor(Date.parse(from) / 3_600_000) * 3_600_000 && Date.parse(t) < Math.ceil(Date.parse(to) / 3_600_000) * 3_600_000).length;

for (const [from, to] of [
  ["2026-10-05T22:00:00Z", "2026-10-07T02:00:00Z"], // edge hours on both sides of one whole day
  ["2026-10-05T23:59:00Z", "2026-10-07T01:00:00Z"], // unaligned start, hour-aligned end
  ["2026-10-06T00:00:00Z", "2026-10-07T00:00:00Z"], // exactly one whole day
  ["2026-10-04T00:00:00Z", "2026-10-09T00:00:00Z"], // whole days only
  ["2026-10-06T06:00:00Z", "2026-10-06T18:00:00Z"], // no whole day
  ["2026-10-04T13:00:00Z", "2026-10-08T08:30:00Z"], // several days, partial at both ends
]) {
  test(`${from} .. ${to}: same totals as hour by hour, each event once`, async () => {
    const q = { orgId: store.orgId, from: new Date(from), to: new Date(to), filters: {} };
    const [total] = await querySpend({ ...q, groupBy: [] });
    const hourly = await querySpend({ ...q, groupBy: [], interval: "hour" });
    const byUser = await querySpend({ ...q, groupBy: ["user"] });
    const daily = await querySpend({ ...q, groupBy: [], interval: "day" });
    const expected = count(from, to);
    assert.equal(total?.requests ?? 0, expected);
    assert.equal(hourly.reduce((n, r) => n + r.requests, 0), expected);
    assert.equal(byUser.reduce((n, r) => n + r.requests, 0), expected);
    assert.equal(daily.reduce((n, r) => n + r.requests, 0), expected);
    const sum = (rows: { input_uncached_tokens: number }[]) => rows.reduce((n, r) => n + r.input_uncached_tokens, 0);
    assert.equal(total?.input_uncached_tokens ?? 0, sum(hourly));
    assert.equal(sum(byUser), sum(hourly));
    assert.equal(sum(daily), sum(hourly));
  });
}
