import { batchBody } from "./workload";

/**
 * Concurrent clients posting batches to POST /api/v1/events until `events` are acknowledged. The
 * load generator shares the two cores with the server: bodies are made once from 64 templates and
 * only the id prefix changes per request (ids stay unique), so it takes little CPU from what is
 * being measured. `runId` keeps the ids of two runs on one store apart.
 */
export type IngestLoad = { base: string; key: string; runId: string; events: number; clients: number; batch: number; endMs: number; onProgress?: (done: number) => void };

export async function sendEvents(o: IngestLoad): Promise<{ seconds: number; latencies: number[] }> {
  const templates = Array.from({ length: 64 }, (_, t) => batchBody("\u0001", t * o.batch, o.batch, o.endMs).split("\u0001"));
  let next = 0;
  let done = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.clients }, async () => {
      while (next < o.events) {
        const start = next;
        const n = Math.min(o.batch, o.events - start);
        next += n;
        const body = n === o.batch ? templates[(start / o.batch) % templates.length].join(`${o.runId}h${start / o.batch}`) : batchBody(`${o.runId}tail${start}`, start, n, o.endMs);
        const s = performance.now();
        const res = await fetch(`${o.base}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${o.key}`, "content-type": "application/json" }, body });
        const json = (await res.json()) as { accepted?: number };
        latencies.push(performance.now() - s);
        if (res.status !== 200 || json.accepted !== n) throw new Error(`ingest answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
        done += n;
        o.onProgress?.(done);
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, latencies };
}
