import "server-only";
/**
 * Group commit for scrape rows: many sources scraping at once (200 targets every 15 s is 13 runs a
 * second) share one INSERT per table every 500 ms (SELFHOSTED_FLUSH_MS) instead of one each, which is what the engine is
 * good at. A run awaits the flush that holds its rows, so it still returns (and its cursor is saved)
 * only after they are stored; if the flush fails every run in it fails and repeats from its previous
 * cursor, which the tables' replacing key makes harmless. Rows come from our own reducer (valid
 * UTF-8 strings, times within a month or two of now), so one run's rows cannot make the insert fail
 * for the others.
 */
import { insertGpuSamples } from "./gpu-samples";
import { insertServingSamples } from "./serving-samples";
import type { GpuSample, ServingSample } from "./types";

/** read per batch so tests can shorten it */
const flushMs = () => Number(process.env.SELFHOSTED_FLUSH_MS ?? 500);
const MAX_ROWS = 50_000;

type Pending = { orgId: string; sourceId: string; gpus: GpuSample[]; serving: ServingSample[] };
type Batch = { items: Pending[]; rows: number; done: Promise<void>; resolve: () => void; reject: (e: unknown) => void };

let current: Batch | null = null;
let timer: NodeJS.Timeout | null = null;

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  done.catch(() => undefined); // each waiter handles it
  return { items: [], rows: 0, done, resolve, reject };
}

async function flush(): Promise<void> {
  const b = current;
  current = null;
  if (timer) clearTimeout(timer);
  timer = null;
  if (!b) return;
  try {
    // one INSERT per table for every source in the batch: org and source are columns of each row
    await insertGpuSamples(b.items.map((p) => ({ orgId: p.orgId, sourceId: p.sourceId, rows: p.gpus })));
    await insertServingSamples(b.items.map((p) => ({ orgId: p.orgId, sourceId: p.sourceId, rows: p.serving })));
    b.resolve();
  } catch (err) {
    b.reject(err);
  }
}

/** Stores one run's rows; resolves once they are in the tables. */
export function writeSamples(orgId: string, sourceId: string, gpus: GpuSample[], serving: ServingSample[]): Promise<void> {
  if (gpus.length === 0 && serving.length === 0) return Promise.resolve();
  const b = (current ??= newBatch());
  b.items.push({ orgId, sourceId, gpus, serving });
  b.rows += gpus.length + serving.length;
  if (b.rows >= MAX_ROWS) void flush();
  else timer ??= setTimeout(() => void flush(), flushMs());
  return b.done;
}
