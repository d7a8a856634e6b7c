/**
 * One scrape's samples -> the rows we store: a GPU row per DCGM device, a serving row per engine
 * instance with counter increases since the previous scrape. Pure: the previous counter values come
 * in with `state` and the updated ones go out, so the collector can keep them in its cursor and a
 * restart neither loses nor doubles an increase.
 */
import type { EngineKind, GpuSample, ScrapeState, ServingSample } from "./types";
import type { Sample } from "./prom-text";

type CounterField = "promptTokens" | "generationTokens" | "requests" | "preemptions" | "prefixQueries" | "prefixHits" | "prefillSeconds" | "decodeSeconds";
type GaugeField = "running" | "waiting" | "kvCache";

type EngineSpec = {
  modelLabel: string;
  /** labels that split one server into instances (vLLM data-parallel engines) */
  instanceLabel?: string;
  counters: Partial<Record<CounterField, string>>;
  gauges: Partial<Record<GaugeField, string>>;
  /** SGLang exposes only a recent hit-rate gauge, no hit counters */
  hitRateGauge?: string;
};

export const ENGINE_SPECS: Record<Exclude<EngineKind, "dcgm">, EngineSpec> = {
  vllm: {
    modelLabel: "model_name",
    instanceLabel: "engine",
    counters: {
      promptTokens: "vllm:prompt_tokens_total",
      generationTokens: "vllm:generation_tokens_total",
      requests: "vllm:request_success_total",
      preemptions: "vllm:num_preemptions_total",
      prefixQueries: "vllm:prefix_cache_queries_total",
      prefixHits: "vllm:prefix_cache_hits_total",
      prefillSeconds: "vllm:request_prefill_time_seconds_sum",
      decodeSeconds: "vllm:request_decode_time_seconds_sum",
    },
    gauges: { running: "vllm:num_requests_running", waiting: "vllm:num_requests_waiting", kvCache: "vllm:kv_cache_usage_perc" },
  },
  sglang: {
    modelLabel: "model_name",
    counters: {
      promptTokens: "sglang:prompt_tokens_total",
      generationTokens: "sglang:generation_tokens_total",
      requests: "sglang:e2e_request_latency_seconds_count",
    },
    gauges: { running: "sglang:num_running_reqs", waiting: "sglang:num_queue_reqs", kvCache: "sglang:token_usage" },
    hitRateGauge: "sglang:cache_hit_rate",
  },
  tgi: {
    modelLabel: "model_name",
    counters: {
      promptTokens: "tgi_request_input_length_sum",
      generationTokens: "tgi_request_generated_tokens_sum",
      requests: "tgi_request_success",
    },
    gauges: { running: "tgi_batch_current_size", waiting: "tgi_queue_size" },
  },
};

/** The metric names a kind reads; everything else in a scrape is skipped before it is parsed into rows. */
export function metricNames(kind: EngineKind): string[] {
  if (kind === "dcgm") return Object.keys(DCGM_FIELDS);
  const s = ENGINE_SPECS[kind];
  return [...Object.values(s.counters), ...Object.values(s.gauges), ...(s.hitRateGauge ? [s.hitRateGauge] : [])];
}

const DCGM_FIELDS: Record<string, keyof Pick<GpuSample, "util" | "engineActive" | "tensorActive" | "fbUsedMib" | "fbFreeMib" | "powerW">> = {
  DCGM_FI_DEV_GPU_UTIL: "util",
  DCGM_FI_PROF_GR_ENGINE_ACTIVE: "engineActive",
  DCGM_FI_PROF_PIPE_TENSOR_ACTIVE: "tensorActive",
  DCGM_FI_DEV_FB_USED: "fbUsedMib",
  DCGM_FI_DEV_FB_FREE: "fbFreeMib",
  DCGM_FI_DEV_POWER_USAGE: "powerW",
};

/** A counter's increase since `prev`: a drop means the server restarted, so the new value is the increase. */
export function counterIncrease(prev: number | undefined, cur: number): number {
  if (prev === undefined) return 0; // first sight: we do not know when it started counting
  return cur < prev ? cur : cur - prev;
}

export function coveredMs(tsMs: number, prevTsMs: number | null, intervalMs: number): number {
  if (prevTsMs === null || prevTsMs <= 0 || tsMs <= prevTsMs) return intervalMs;
  // A gap longer than a few intervals (scraper down, target unreachable) is not observed time.
  return Math.min(tsMs - prevTsMs, 3 * intervalMs);
}

export type Reduced = { gpus: GpuSample[]; serving: ServingSample[]; state: ScrapeState };

export function reduceScrape(kind: EngineKind, samples: Sample[], tsMs: number, state: ScrapeState, intervalMs: number, modelFallback = ""): Reduced {
  const prevTs = state.lastTsMs;
  const covered = coveredMs(tsMs, prevTs, intervalMs);
  const base = { tsMs, prevTsMs: prevTs ?? 0, coveredMs: covered };
  if (kind === "dcgm") return { gpus: reduceDcgm(samples, base), serving: [], state: { lastTsMs: tsMs, counters: {} } };
  const spec = ENGINE_SPECS[kind];
  const byName = new Map<string, CounterField | GaugeField | "hitRate">();
  for (const [f, n] of Object.entries(spec.counters)) byName.set(n, f as CounterField);
  for (const [f, n] of Object.entries(spec.gauges)) byName.set(n, f as GaugeField);
  if (spec.hitRateGauge) byName.set(spec.hitRateGauge, "hitRate");

  type Acc = { model: string; counters: Partial<Record<CounterField, number>>; gauges: Partial<Record<GaugeField | "hitRate", number>> };
  const groups = new Map<string, Acc>();
  for (const s of samples) {
    const field = byName.get(s.name);
    if (!field || s.value === null) continue;
    const model = s.labels[spec.modelLabel] ?? modelFallback;
    const key = spec.instanceLabel && s.labels[spec.instanceLabel] !== undefined ? `${model}|${s.labels[spec.instanceLabel]}` : model;
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = { model, counters: {}, gauges: {} }));
    // Several series of one field in a group (finished_reason, ...) add up: a sum of counters is a counter.
    if (field in spec.counters) acc.counters[field as CounterField] = (acc.counters[field as CounterField] ?? 0) + s.value;
    else acc.gauges[field as GaugeField | "hitRate"] = (acc.gauges[field as GaugeField | "hitRate"] ?? 0) + s.value;
  }

  // Series missing from this scrape keep their last value, so a one-scrape gap does not lose an increase.
  const counters: ScrapeState["counters"] = { ...state.counters };
  const serving: ServingSample[] = [];
  for (const [key, acc] of groups) {
    const prev = state.counters[key] ?? {};
    const inc = (f: CounterField) => {
      const cur = acc.counters[f];
      if (cur === undefined) return 0;
      return counterIncrease(prev[f], cur);
    };
    const next: Record<string, number> = { ...prev };
    for (const [f, v] of Object.entries(acc.counters)) next[f] = v as number;
    counters[key] = next;
    const promptTokens = inc("promptTokens");
    let prefixQueries = inc("prefixQueries");
    let prefixHits = inc("prefixHits");
    if (spec.hitRateGauge && acc.gauges.hitRate !== undefined) {
      // SGLang: the hit-rate gauge applied to this interval's prompt tokens (an approximation; documented).
      prefixQueries = promptTokens;
      prefixHits = Math.round(promptTokens * Math.min(1, Math.max(0, acc.gauges.hitRate)));
    }
    // Fields written out rather than spread from `base`: a spread followed by a dozen properties took
    // V8's slow path, 25 us a row and most of a scrape's CPU (npm run bench:scrape).
    serving.push({
      tsMs: base.tsMs,
      prevTsMs: base.prevTsMs,
      coveredMs: base.coveredMs,
      seriesKey: key,
      engine: kind,
      model: acc.model,
      promptTokens,
      generationTokens: inc("generationTokens"),
      requests: inc("requests"),
      preemptions: inc("preemptions"),
      prefixQueries,
      prefixHits,
      prefillSeconds: inc("prefillSeconds"),
      decodeSeconds: inc("decodeSeconds"),
      running: acc.gauges.running ?? null,
      waiting: acc.gauges.waiting ?? null,
      kvCache: acc.gauges.kvCache ?? null,
    });
  }
  return { gpus: [], serving, state: { lastTsMs: tsMs, counters } };
}

function reduceDcgm(samples: Sample[], base: { tsMs: number; prevTsMs: number; coveredMs: number }): GpuSample[] {
  const gpus = new Map<string, GpuSample>();
  for (const s of samples) {
    const field = DCGM_FIELDS[s.name];
    if (!field) continue;
    const l = s.labels;
    const key = l.UUID || l.uuid || `${l.hostname ?? ""}/${l.gpu ?? ""}/${l.GPU_I_ID ?? ""}`;
    let g = gpus.get(key);
    if (!g) {
      const { DCGM_FI_DRIVER_VERSION: _drv, ...labels } = l;
      g = {
        tsMs: base.tsMs,
        prevTsMs: base.prevTsMs,
        coveredMs: base.coveredMs,
        gpuKey: key,
        uuid: l.UUID ?? l.uuid ?? "",
        gpu: l.gpu ?? "",
        hostname: l.hostname ?? "",
        modelName: l.modelName ?? "",
        pod: l.pod ?? l.pod_name ?? "",
        namespace: l.namespace ?? l.pod_namespace ?? "",
        labels,
        util: null,
        engineActive: null,
        tensorActive: null,
        fbUsedMib: null,
        fbFreeMib: null,
        powerW: null,
      };
      gpus.set(key, g);
    }
    if (s.value === null) continue;
    g[field] = field === "util" ? clamp01(s.value / 100) : field === "engineActive" || field === "tensorActive" ? clamp01(s.value) : s.value;
  }
  return [...gpus.values()];
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
