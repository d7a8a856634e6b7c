import { openTempStore, type TempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { PICO_PER_USD } from "@/lib/money/pico";
import { DEMO_DEPLOYMENT, seedDemoSelfHosted } from "@/lib/selfhosted/demo";
import { selfHostedPageData } from "@/lib/selfhosted/page-data";
import { seedDemoSelfHostedEvents } from "./selfhosted-events";

let store: TempStore;
const END = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
before(async () => {
  store = await openTempStore();
});
after(() => store?.close());

const pico = (s: string | null) => {
  const [w, f = ""] = String(s).split(".");
  return BigInt(w) * PICO_PER_USD + BigInt((f + "000000000000").slice(0, 12));
};

test("demo: the self-hosted deployment's events are priced, and attributed + unattributed busy + idle = the GPU bill", async () => {
  await seedDemoSelfHosted(store.orgId, END);
  const sent = await seedDemoSelfHostedEvents(store.orgId, END, 1);
  assert.ok(sent > 0);
  const page = await selfHostedPageData(store.orgId, END.getTime() - 86_400_000, END.getTime(), DEMO_DEPLOYMENT);
  const r = page.reconciliation!;
  assert.ok(pico(r.attributedUsd) > 0n, "self-hosted spend is attributed");
  assert.ok(pico(r.unattributedBusyUsd) > 0n, "untagged traffic leaves some busy cost unattributed");
  assert.equal(pico(r.attributedUsd) + pico(r.unattributedBusyUsd) + pico(r.idleCostUsd), pico(r.gpuCostUsd));
});
