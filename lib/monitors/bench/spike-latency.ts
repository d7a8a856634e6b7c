/**
 * `npm run bench:monitors-latency [-- --spikes 20]`: event-to-condition and event-to-delivered latency
 * over real HTTP.
 * One process, as the embedded deployment runs: an HTTP server on 127.0.0.1 whose handler is the
 * ingest route's pipeline (API key check, body read, parseBatch, ingestEvents: everything
 * handleIngest does except the session branch, whose next-auth import does not load outside Next.js),
 * the monitor worker (makeMonitorEvaluationWorker, its 15 s interval) handing its evaluations to the
 * real alert store (applyEvaluation), and the deliveries worker's loop (runOutboxPass, 1 s) sending to a
 * signed webhook channel on a local receiver.
 * History: 14 days of steady traffic on 20 features. Then, one feature at a time, a burst of 10x its
 * hourly rate is POSTed; latency runs from the HTTP answer (the events acknowledged) to (a) the first
 * evaluation whose conditions include that feature's anomaly and (b) the webhook for its alert arriving.
 */
import { openTempStore } from "@/lib/testing/temp-store"; // first: sets DATA_DIR
import http from "node:http";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { createApiKey, verifyApiKey } from "@/lib/auth/api-keys";
import { ingestEvents, parseBatch } from "@/lib/ingest/ingest-batch";
import { readJsonBody } from "@/lib/http/body";
import { makeMonitorEvaluationWorker } from "@/workers/monitor-evaluation";
import { applyEvaluation } from "@/lib/alerts/apply";
import { createChannel } from "@/lib/delivery/channels";
import { runOutboxPass } from "@/lib/delivery/outbox";
import { startWebhookReceiver } from "@/e2e/webhook-receiver";
import { createMonitor, listMonitors } from "../store";
import { createMonitorSchema } from "../types";
import { event, ingestAll, steadyEvents } from "../testing/workload";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SPIKES = arg("spikes", 20);
const PER_HOUR = 6;

const store = await openTempStore();
const key = (await createApiKey({ orgId: store.orgId, name: "bench", scopes: ["ingest"] })).key;
const features = Array.from({ length: SPIKES }, (_, i) => ({ feature: `f${i}`, team: `t${i % 4}`, perHour: PER_HOUR }));
const start = Date.now();
const t0 = Date.now();
const n = await ingestAll(store.orgId, steadyEvents({ orgId: store.orgId, from: new Date(start - 14 * 86_400_000), to: new Date(start), features, seed: 5, idPrefix: "h" }));
console.log(`history: ${n} events in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
const receiver = await startWebhookReceiver();
const channel = await createChannel(store.orgId, "bench", { name: "bench hook", type: "webhook", enabled: true, config: { url: receiver.url } });
if (!channel.ok) throw new Error(channel.details.join("; "));
const monitor = await createMonitor(
  store.orgId,
  createMonitorSchema.parse({ name: "features", dimension: "feature", kinds: ["anomaly"], min_spend_usd: "0", channels: [channel.created.channel.id] }),
);

const server = http.createServer(async (req, res) => {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  try {
    const principal = await verifyApiKey((req.headers.authorization ?? "").replace(/^Bearer\s+/i, ""));
    if (!principal?.scopes.includes("ingest")) return send(401, { error: "bad key" });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = await readJsonBody(new Request("http://x/", { method: "POST", body: Buffer.concat(chunks) }), 5 * 1024 * 1024);
    const result = await ingestEvents(principal.orgId, principal.keyId, parseBatch(body));
    send(result.rejected ? 207 : 200, result);
  } catch (err) {
    send(500, { error: String(err) });
  }
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const port = (server.address() as { port: number }).port;

const waiting = new Map<string, (at: number) => void>();
const worker = makeMonitorEvaluationWorker(async (e: Evaluation) => {
  for (const c of e.conditions) waiting.get(c.dedupKey)?.(Date.now());
  await applyEvaluation(e);
});
// A first pass off the clock: the detectors warm up from 28 days (what a restart costs), then the loop.
await worker.run({ log: (l) => console.log(l) });
let stop = false;
const deliveries = (async () => {
  while (!stop) {
    const r = await runOutboxPass();
    if (r.claimed === 0) await new Promise((res) => setTimeout(res, 1000));
  }
})();
const loop = (async () => {
  while (!stop) {
    const began = Date.now();
    await worker.run({ log: (l) => console.log(l) });
    await new Promise((r) => setTimeout(r, Math.max(0, worker.intervalMs - (Date.now() - began))));
  }
})();

const latencies: number[] = [];
const delivered: number[] = [];
const hookFor = (f: string, after: number) => receiver.received.find((r) => r.at >= after && r.body.includes(`feature=${f}\"`));
for (let i = 0; i < SPIKES; i++) {
  const f = features[i].feature;
  const dedupKey = `anomaly:${monitor.id}:feature=${f}`;
  // At a random point of the worker's cycle, as real traffic arrives (right after a pass would bias it high).
  await new Promise((r) => setTimeout(r, 3000 + Math.random() * worker.intervalMs));
  const seen = new Promise<number>((resolve) => waiting.set(dedupKey, resolve));
  const now = Date.now();
  const burst = Array.from({ length: PER_HOUR * 10 }, (_, k) => event(`spike-${i}-${k}`, now - k * 1000, f, features[i].team));
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ events: burst }) });
  const acked = Date.now();
  if (!res.ok) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  const timeout = new Promise<number>((r) => setTimeout(() => r(NaN), 180_000));
  const at = await Promise.race([seen, timeout]);
  waiting.delete(dedupKey);
  latencies.push(at - acked);
  let hook = hookFor(f, acked);
  for (let waited = 0; !hook && waited < 60_000; waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
    hook = hookFor(f, acked);
  }
  delivered.push(hook ? hook.at - acked : NaN);
  const secs = (ms: number, what: string) => (Number.isNaN(ms) ? `${what} not seen` : `${what} ${(ms / 1000).toFixed(1)} s`);
  console.log(`spike ${i + 1} (${f}): ${secs(at - acked, "condition")}, ${secs(delivered[i], "webhook delivered")}`);
}
stop = true;
await Promise.all([loop, deliveries]);
server.close();
await receiver.close();
const summary = (what: string, xs: number[]) => {
  const ok = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const q = (p: number) => (ok.length ? (ok[Math.min(ok.length - 1, Math.ceil(p * ok.length) - 1)] / 1000).toFixed(1) : "n/a");
  console.log(`event acknowledged -> ${what}: ${ok.length}/${SPIKES} seen; p50 ${q(0.5)} s, p95 ${q(0.95)} s, max ${q(1)} s`);
};
console.log(`\n(monitor worker interval ${worker.intervalMs / 1000} s, deliveries 1 s)`);
summary("condition in an evaluation", latencies);
summary("webhook delivered", delivered);
await store.close();
process.exit(0);
