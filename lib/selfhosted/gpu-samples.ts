import "server-only";
/**
 * Owner of the gpu_samples table (its definition: lib/clickhouse/schema/collector-tables.ts): every
 * read and write goes through here. One row per GPU per scrape; see the migration for how re-runs replace rows.
 */
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { chTime } from "./ch-time";
import type { GpuSample, SourceRows } from "./types";
import { GPU_SAMPLES } from "@/lib/clickhouse/tables";

export { GPU_SAMPLES };

/** Every reader reads through this, so a re-run's replaced row is never counted beside its replacement. */
export const GPU_SAMPLES_FINAL = `${GPU_SAMPLES} FINAL`;

/** Rows of any number of sources, in one INSERT. */
export async function insertGpuSamples(groups: SourceRows<GpuSample>[]): Promise<void> {
  await chInsert(
    GPU_SAMPLES,
    groups.flatMap(({ orgId, sourceId, rows }) => rows.map((g) => ({
      org_id: orgId,
      source_id: sourceId,
      gpu_key: g.gpuKey,
      prev_ts: chTime(g.prevTsMs),
      ts: chTime(g.tsMs),
      covered_ms: Math.round(g.coveredMs),
      uuid: g.uuid,
      gpu: g.gpu,
      hostname: g.hostname,
      model_name: g.modelName,
      pod: g.pod,
      namespace: g.namespace,
      labels: g.labels,
      util: g.util,
      engine_active: g.engineActive,
      tensor_active: g.tensorActive,
      fb_used_mib: g.fbUsedMib,
      fb_free_mib: g.fbFreeMib,
      power_w: g.powerW,
    }))),
    { tag: "selfhosted.gpu.insert", ledgerUnchanged: true },
  );
}

/** One GPU over one hour, for the deployments whose labels match. Numbers of UInt64 sums arrive as strings. */
export type GpuHourRow = {
  hour: string;
  gpu_key: string;
  hostname: string;
  model_name: string;
  gpu: string;
  covered_ms: string | number;
  known_ms: string | number;
  busy_ms: number;
  engine_ms: string | number;
  util_avg: number | null;
  fb_used_avg: number | null;
  fb_free_avg: number | null;
  power_avg: number | null;
};

/**
 * GPU-hours of the GPUs whose labels match every matcher. The busy time of a sample is its covered
 * time x GR_ENGINE_ACTIVE, or x GPU_UTIL/100 where the profiling metric is missing (see cost.ts).
 */
export async function gpuHoursMatching(orgId: string, match: Record<string, string>, fromMs: number, toMs: number): Promise<GpuHourRow[]> {
  return chQuery<GpuHourRow>(
    `SELECT toStartOfHour(ts) AS hour, gpu_key,
       any(g.hostname) AS hostname, any(g.model_name) AS model_name, any(g.gpu) AS gpu,
       sum(g.covered_ms) AS covered_ms,
       sumIf(g.covered_ms, isNotNull(coalesce(engine_active, util))) AS known_ms,
       sum(g.covered_ms * ifNull(coalesce(engine_active, util), 0)) AS busy_ms,
       sumIf(g.covered_ms, isNotNull(engine_active)) AS engine_ms,
       avg(util) AS util_avg, avg(fb_used_mib) AS fb_used_avg, avg(fb_free_mib) AS fb_free_avg, avg(power_w) AS power_avg
     FROM ${GPU_SAMPLES} AS g FINAL
     WHERE org_id = {org:String} AND ts >= {from:DateTime64(3, 'UTC')} AND ts < {to:DateTime64(3, 'UTC')}
       AND arrayAll(k -> labels[k] = {match:Map(String, String)}[k], mapKeys({match:Map(String, String)}))
     GROUP BY hour, gpu_key
     ORDER BY hour, gpu_key`,
    { tag: "selfhosted.gpu.hours", params: { org: orgId, from: chTime(fromMs), to: chTime(toMs), match } },
  );
}
