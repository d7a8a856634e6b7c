import "server-only";
/**
 * prometheus_api: pulls the series a kind reads from an existing Prometheus with query_range, one step
 * per interval_s: first a backfill of backfill_days in chunks (a run per chunk, progress reported),
 * then incrementally from where the last run ended. Rows are reduced exactly as a scrape's are, one
 * timestamp after another, so counter increases and resets come out the same.
 */
import type { Collector, CollectorOutcome, CollectorRun } from "@/lib/source-contract/collector";
import { apiConfigSchema } from "./config";
import { queryRange, selector } from "./query-range";
import { metricNames, reduceScrape } from "./reduce";
import { writeSamples } from "./sample-writer";
import { apiCursor } from "./state";
import type { GpuSample, ServingSample } from "./types";

/** Points per series per request: well under Prometheus's 11,000 limit, and a bounded insert. */
const MAX_STEPS = 720;

export async function runQueryRange(ctx: CollectorRun): Promise<CollectorOutcome> {
  const cfg = apiConfigSchema.parse(ctx.config);
  const stepMs = cfg.interval_s * 1000;
  const now = ctx.now.getTime();
  const lastComplete = Math.floor(now / stepMs) * stepMs;
  const prev = apiCursor(ctx.cursor);
  const backfillStart = prev?.startMs ?? Math.floor((now - Math.max(cfg.backfill_days * 86_400_000, stepMs)) / stepMs) * stepMs;
  const start = prev ? prev.endMs + stepMs : backfillStart;
  let state = prev?.state ?? { lastTsMs: null, counters: {} };
  if (start > lastComplete) return { cursor: prev, backfillDone: true, stats: { points: 0 } };
  const end = Math.min(lastComplete, start + (MAX_STEPS - 1) * stepMs);

  const byTs = await queryRange(cfg.base_url, selector(metricNames(cfg.kind), cfg.match), start, end, cfg.interval_s, { bearerToken: cfg.bearer_token, signal: ctx.signal });
  const gpus: GpuSample[] = [];
  const serving: ServingSample[] = [];
  for (const ts of [...byTs.keys()].sort((a, b) => a - b)) {
    const r = reduceScrape(cfg.kind, byTs.get(ts)!, ts, state, stepMs);
    gpus.push(...r.gpus);
    serving.push(...r.serving);
    state = r.state;
  }
  await writeSamples(ctx.orgId, ctx.sourceId, gpus, serving);
  const done = end >= lastComplete;
  await ctx.progress(done ? 1 : (end - backfillStart) / Math.max(1, lastComplete - backfillStart));
  return {
    cursor: { startMs: backfillStart, endMs: end, state },
    backfillDone: done,
    stats: { points: byTs.size, gpu_rows: gpus.length, serving_rows: serving.length },
    ...(done ? {} : { nextRunAt: new Date(now + 1000) }),
  };
}

export const prometheusApiCollector: Collector = {
  type: "prometheus_api",
  configSchema: apiConfigSchema as unknown as Collector["configSchema"],
  secretFields: ["bearer_token"],
  intervalMs: (config) => Number(config.interval_s ?? 15) * 1000,
  run: runQueryRange,
};
