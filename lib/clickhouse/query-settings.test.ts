/**
 * The embedded connection applies a query's settings as session-wide SET statements, so a setting one
 * query gives is still there for the next unless that one says otherwise. A background query's single
 * thread must not stay for the interactive queries after it (it did: every dashboard query ran on one
 * engine thread once any worker had run).
 */
import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { chQuery } from "./query";

let store: TempStore;
before(async () => {
  store = await openTempStore();
});
after(async () => {
  await store?.close();
});

const maxThreads = async (background: boolean) =>
  Number((await chQuery<{ m: string }>("SELECT toString(getSetting('max_threads')) AS m", { tag: "test.settings", background }))[0].m);

test("a background query runs on one engine thread and the interactive query after it gets the engine's default again", async () => {
  const interactive = await maxThreads(false);
  assert.ok(interactive >= 1);
  assert.equal(await maxThreads(true), 1);
  assert.equal(await maxThreads(false), interactive);
});
