/**
 * `npm run bench:otlp`: spans per second through OTLP/HTTP protobuf into the product as users start
 * it (`npm start`, embedded mode, no demo data), beside the JSON events API's rate in the same run
 * (lib/bench/workload.ts's events), alternating the two so both see a store of the same size.
 * Options: --spans 200000 --events 200000 --clients 16 --span-batch 1000 --event-batch 1000 --rounds 2 --port 3203
 * The default batch of spans equals the events API's batch. With 500 spans a request against 1000
 * events the ratio OTLP/JSON was 0.65, at 1000 against 1000 it was 0.94 (same machine and hour, load
 * average ~14 on 2 cores): most likely the volume in flight sets the size of the ledger's group
 * commits, so unequal batches measure the batch size rather than the encoding (not profiled).
 */
import { startProductServer } from "@/lib/bench/product-server";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { batchBody } from "@/lib/bench/workload";
import { decodeResponse } from "./codec";
import { otlpRequest } from "./bench-workload";

const { values: opt } = parseArgs({
  options: {
    spans: { type: "string", default: "200000" },
    events: { type: "string", default: "200000" },
    clients: { type: "string", default: "16" },
    "span-batch": { type: "string", default: "1000" },
    "event-batch": { type: "string", default: "1000" },
    rounds: { type: "string", default: "2" },
    port: { type: "string", default: "3203" },
  },
});
const SPANS = Number(opt.spans);
const EVENTS = Number(opt.events);
const CLIENTS = Number(opt.clients);
const SPAN_BATCH = Number(opt["span-batch"]);
const EVENT_BATCH = Number(opt["event-batch"]);
const ROUNDS = Number(opt.rounds);
const PORT = Number(opt.port);
const root = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "finops-bench-otlp-"));
const endMs = Date.now();
const log = (s: string) => console.log(`[bench:otlp] ${s}`);

process.env.DATA_DIR = work;
const { migrateConfigDb } = await import("@/lib/db/migrate");
const { ensureOrganization } = await import("@/lib/bootstrap/users");
await migrateConfigDb();
const { orgId } = await ensureOrganization(false);
const { createApiKey } = await import("@/lib/auth/api-keys");
const { db } = await import("@/lib/db/prisma");
// Limits high enough that the benchmark measures ingestion, not the key's quota.
const key = (await createApiKey({ orgId, name: "bench", scopes: ["ingest"], limits: { requestsPerMinute: 1_000_000, eventsPerDay: 100_000_000 } })).key;

const server = await startProductServer({ dataDir: work, port: PORT });
const base = server.base;
log("server healthy");
process.on("uncaughtException", (err) => {
  console.error(err, `\nserver log tail:\n${server.log().slice(-3000)}`);
  process.exit(1);
});

/** Posts `bodies` with CLIENTS concurrent clients; returns items/s. */
async function drive(name: string, bodies: (Uint8Array | string)[], perBody: number[], post: (b: Uint8Array | string) => Promise<Response>, check: (r: Response, n: number) => Promise<void>): Promise<number> {
  let next = 0;
  const total = perBody.reduce((a, b) => a + b, 0);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < bodies.length) {
        const i = next++;
        let res: Response;
        try {
          res = await post(bodies[i]);
        } catch {
          // A keep-alive connection the server closed as it was reused ("other side closed"): resend,
          // as OTLP exporters and the events API's clients do (ids make it safe), and count it.
          retries++;
          res = await post(bodies[i]);
        }
        await check(res, perBody[i]);
      }
    }),
  );
  const rate = total / ((performance.now() - t0) / 1000);
  log(`${name}: ${total.toLocaleString()} in ${((performance.now() - t0) / 1000).toFixed(1)} s = ${Math.round(rate).toLocaleString()}/s`);
  return rate;
}

const sizes = (total: number, batch: number) => Array.from({ length: Math.ceil(total / batch) }, (_, i) => Math.min(batch, total - i * batch));
const otlpRates: number[] = [];
const jsonRates: number[] = [];
// Every body is made before the first clock starts: the generator shares the two cores with the server.
const eventSizes = sizes(EVENTS, EVENT_BATCH);
const spanSizes = sizes(SPANS, SPAN_BATCH);
const eventRounds = Array.from({ length: ROUNDS }, (_, round) => eventSizes.map((n, i) => batchBody(`r${round}b${i}`, i * EVENT_BATCH, n, endMs)));
const spanRounds = Array.from({ length: ROUNDS }, (_, round) => spanSizes.map((n, i) => otlpRequest(round + 1, i * SPAN_BATCH, n, endMs)));
log("request bodies ready");
let retries = 0;
for (let round = 0; round < ROUNDS; round++) {
  const eventBodies = eventRounds[round];
  jsonRates.push(
    await drive(`round ${round + 1} JSON events API (${EVENT_BATCH}/request)`, eventBodies, eventSizes, (body) =>
      fetch(`${base}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: body as string }),
      async (res, n) => {
        const json = (await res.json()) as { accepted?: number };
        if (res.status !== 200 || json.accepted !== n) throw new Error(`events answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
      },
    ),
  );
  const spanBodies = spanRounds[round];
  otlpRates.push(
    await drive(`round ${round + 1} OTLP protobuf (${SPAN_BATCH} spans/request)`, spanBodies, spanSizes, (body) =>
      fetch(`${base}/api/otlp/v1/traces`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/x-protobuf" }, body: Buffer.from(body as Uint8Array) }),
      async (res) => {
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`OTLP answered ${res.status}`);
        const answer = decodeResponse("traces", bytes);
        if (answer.partialSuccess) throw new Error(`OTLP rejected spans: ${JSON.stringify(answer.partialSuccess).slice(0, 300)}`);
      },
    ),
  );
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const cpu = os.cpus()[0]?.model ?? "unknown cpu";
const machine = `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
const md = [
  `Run ${new Date().toISOString().slice(0, 16)}Z on ${machine}; command: \`npm run bench:otlp -- --spans ${SPANS} --events ${EVENTS} --clients ${CLIENTS} --span-batch ${SPAN_BATCH} --event-batch ${EVENT_BATCH} --rounds ${ROUNDS}\``,
  "",
  "| Ingestion path, embedded mode, " + `${CLIENTS} concurrent clients` + " | per round | mean |",
  "|---|---|---|",
  `| OTLP/HTTP protobuf, ${SPAN_BATCH} GenAI spans/request | ${otlpRates.map((r) => Math.round(r).toLocaleString()).join(", ")} spans/s | **${Math.round(mean(otlpRates)).toLocaleString()} spans/s** |`,
  `| JSON events API, ${EVENT_BATCH} events/request | ${jsonRates.map((r) => Math.round(r).toLocaleString()).join(", ")} events/s | **${Math.round(mean(jsonRates)).toLocaleString()} events/s** |`,
  `| Ratio OTLP / JSON | | ${(mean(otlpRates) / mean(jsonRates)).toFixed(2)} |`,
  "",
  `Requests resent after a dropped keep-alive connection: ${retries}.`,
].join("\n");
fs.mkdirSync(path.join(root, "bench-results"), { recursive: true });
const outFile = path.join(root, "bench-results", `bench-otlp-${new Date().toISOString().replace(/[:.]/g, "-")}.md`);
fs.writeFileSync(outFile, md + "\n");
console.log("\n" + md + `\n\n(written to ${path.relative(root, outFile)})`);
await server.stop();
await db().$disconnect();
try {
  execFileSync("rm", ["-rf", work]);
} catch {
  /* best effort */
}
process.exit(0);

