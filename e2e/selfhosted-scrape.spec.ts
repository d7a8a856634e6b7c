import { expect, test } from "@playwright/test";
import { startFakePrometheus, type FakePrometheus } from "../lib/testing/fake-prometheus";
import { RUN, createKey } from "./helpers";

/**
 * Scrape sources through the running product: a vLLM server and a DCGM exporter (a local server speaking
 * the Prometheus text format, since no GPU exists here) are added with the sources API, a deployment
 * groups them with a price per GPU-hour, and the workers' scrapes show up in the self-hosted API as GPU
 * hours, GPU cost and tokens. The exact arithmetic is checked in lib/selfhosted/collectors.test.ts; this
 * checks the wiring: sources API -> scheduler -> scrape collector -> ClickHouse -> report.
 */
let prom: FakePrometheus;
let manage = "";
let read = "";
const auth = (key: string) => ({ authorization: `Bearer ${key}` });

test.beforeAll(async () => {
  prom = await startFakePrometheus();
  manage = await createKey(`e2e scrape manage ${RUN}`, "manage");
  read = await createKey(`e2e scrape read ${RUN}`, "read");
});
test.afterAll(async () => prom?.close());

test("vLLM and DCGM scrape sources feed a deployment's GPU hours, cost and tokens", async ({ request }) => {
  test.setTimeout(150_000);
  const started = new Date(Date.now() - 60_000).toISOString();
  const source = async (kind: string) => {
    const res = await request.post("/api/v1/sources", {
      headers: auth(manage),
      data: { type: "prometheus_scrape", name: `${kind} ${RUN}`, config: { url: `${prom.url}/${kind}/metrics`, kind, interval_s: 5 } },
    });
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()).source.id as string;
  };
  const vllm = await source("vllm");
  const dcgm = await source("dcgm");
  const dep = await request.post("/api/v1/deployments", {
    headers: auth(manage),
    data: { name: `scrape-${RUN}`, model: "llama-70b", gpu_price_per_hour_usd: "2", match: { hostname: "node-a" }, endpoints: [vllm] },
  });
  expect(dep.status(), await dep.text()).toBe(201);

  const row = async () => {
    const res = await request.get(`/api/v1/self-hosted?from=${started}&to=${new Date(Date.now() + 60_000).toISOString()}&group_by=deployment`, { headers: auth(read) });
    expect(res.status(), await res.text()).toBe(200);
    return ((await res.json()).rows as Record<string, string | number>[]).find((r) => r.deployment === `scrape-${RUN}`.toLowerCase());
  };
  await expect.poll(async () => Number((await row())?.input_tokens ?? 0), { timeout: 120_000, intervals: [2000] }).toBeGreaterThan(0);
  const r = (await row())!;
  expect(Number(r.gpu_hours)).toBeGreaterThan(0);
  expect(Number(r.gpu_cost_usd)).toBeGreaterThan(0);
  expect(prom.hits.get("/dcgm/metrics") ?? 0).toBeGreaterThan(1);

  for (const id of [vllm, dcgm]) {
    const s = (await (await request.get(`/api/v1/sources/${id}`, { headers: auth(manage) })).json()).source;
    expect(s.state).toBe("ok");
    expect(s.last_error).toBeNull();
    expect((await request.delete(`/api/v1/sources/${id}`, { headers: auth(manage) })).status()).toBe(204);
  }
});
