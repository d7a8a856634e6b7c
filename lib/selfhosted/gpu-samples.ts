import "server-only";
/**
 * Owner of the gpu_samples table (schema: lib/clickhouse/migrations/selfhosted.ts): the only module
 * that spells its name. One row per GPU per scrape; see the migration for how re-runs replace rows.
 */
import { chInsert } from "@/lib/clickhouse/query";
import { chTime } from "./ch-time";
import type { GpuSample } from "./types";

export const GPU_SAMPLES = "gpu_samples";
/** Every reader reads through this, so a re-run's replaced row is never counted beside its replacement. */
export const GPU_SAMPLES_FINAL = "gpu_samples FINAL";

export async function insertGpuSamples(orgId: string, sourceId: string, rows: GpuSample[]): Promise<void> {
  await chInsert(
    GPU_SAMPLES,
    rows.map((g) => ({
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
    })),
    { tag: "selfhosted.gpu.insert" },
  );
}
