/** Plain types shared by the self-hosted collectors, stores and reports (no data access). */

export const ENGINE_KINDS = ["vllm", "sglang", "tgi", "dcgm"] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

/** One GPU at one scrape, reduced to what the product shows. */
export type GpuSample = {
  gpuKey: string;
  /** epoch ms of this scrape and of the one before it (0 when there was none) */
  tsMs: number;
  prevTsMs: number;
  /** time this sample stands for: since the previous scrape, capped, so a gap is not billed as observed */
  coveredMs: number;
  uuid: string;
  gpu: string;
  hostname: string;
  modelName: string;
  pod: string;
  namespace: string;
  labels: Record<string, string>;
  /** DCGM_FI_DEV_GPU_UTIL / 100 */
  util: number | null;
  /** DCGM_FI_PROF_GR_ENGINE_ACTIVE (0-1), the better busy measure where profiling metrics are on */
  engineActive: number | null;
  tensorActive: number | null;
  fbUsedMib: number | null;
  fbFreeMib: number | null;
  powerW: number | null;
};

/** One serving engine instance (model + engine label) at one scrape: counter increases and gauges. */
export type ServingSample = {
  seriesKey: string;
  tsMs: number;
  prevTsMs: number;
  coveredMs: number;
  engine: EngineKind;
  model: string;
  promptTokens: number;
  generationTokens: number;
  requests: number;
  preemptions: number;
  prefixQueries: number;
  prefixHits: number;
  prefillSeconds: number;
  decodeSeconds: number;
  running: number | null;
  waiting: number | null;
  kvCache: number | null;
};

/** What a scrape collector remembers between runs (plain JSON in the source's cursor). */
export type ScrapeState = {
  /** epoch ms of the last stored scrape */
  lastTsMs: number | null;
  /** last raw counter value per series key and counter field, for increases across runs and restarts */
  counters: Record<string, Record<string, number>>;
};

export const GROUP_BYS = ["deployment", "model", "gpu_model", "node"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** Rows of one source, for an INSERT that carries several sources' rows. */
export type SourceRows<T> = { orgId: string; sourceId: string; rows: T[] };
