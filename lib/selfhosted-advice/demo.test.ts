import "@/lib/testing/temp-store";
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { openTempStore, type TempStore } from "@/lib/testing/temp-store";
import { DEMO_DEPLOYMENT, seedDemoSelfHosted } from "@/lib/selfhosted/demo";
import { groupRows, loadDeploymentData } from "@/lib/selfhosted/report";
import type { FinderContext } from "@/lib/recommendation-contract/candidate";
import { DEMO_OVERPROVISIONED, seedDemoSelfHostedAdvice } from "./demo";
import { autoscalingFinder, gpuRightsizingFinder } from "./finders";

let store: TempStore;
let ctx: FinderContext;
const END = new Date(Date.UTC(2026, 10, 30, 12, 0, 0));
before(async () => {
  store = await openTempStore();
  await seedDemoSelfHosted(store.orgId, END);
  await seedDemoSelfHostedAdvice(store.orgId, END);
  await seedDemoSelfHostedAdvice(store.orgId, END); // a second start does not seed twice
  ctx = { orgId: store.orgId, from: new Date(END.getTime() - 30 * 86_400_000), to: END, now: END };
});
after(() => store?.close());

test("demo: the over-provisioned 8B deployment is found by right-sizing (2 of 4 A100s, $4,467.60 a month), the busy 70B is not", async () => {
  const cs = await gpuRightsizingFinder(ctx);
  assert.deepEqual(cs.map((c) => c.scope.deployment), [DEMO_OVERPROVISIONED]);
  assert.equal(cs[0].monthly_savings_usd, "4467.6");
  assert.match(cs[0].title, /on 2 GPUs instead of 4/);
  const rows = groupRows(await loadDeploymentData(store.orgId, ctx.from.getTime(), END.getTime()), "deployment");
  const util = rows.find((r) => r.deployment === DEMO_OVERPROVISIONED)!.gpu_utilization_avg as number;
  assert.ok(util > 0.15 && util < 0.25, `~20% average utilization, got ${util}`);
});

test("demo: autoscaling finds the 70B's idle nights and not the internal tool's steady load", async () => {
  const cs = await autoscalingFinder(ctx);
  assert.deepEqual(cs.map((c) => c.scope.deployment), [DEMO_DEPLOYMENT]);
  assert.match(cs[0].title, /one replica \(4 GPUs\)/);
  // the nights (21:00-07:00, ~10 h) on 4 of 8 H100s at $2.49: about 4 x 10/24 x 730 x 2.49 = $3,030 a month
  const v = Number(cs[0].monthly_savings_usd);
  assert.ok(v > 2000 && v < 4500, `autoscaling $${v}`);
});
