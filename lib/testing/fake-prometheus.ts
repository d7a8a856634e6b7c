/**
 * A fake Prometheus world for tests and the benchmark: a real HTTP server on 127.0.0.1 serving
 * vLLM, SGLang, TGI and DCGM exposition text that changes on every GET (tick k = the k-th GET of that
 * path, from 0), and a query_range API over the same script on a time grid. The script is simple on
 * purpose so tests can compute expectations by hand:
 * - vLLM (model "llama-70b", engine "0"): prompt_tokens_total = 1000k, except that the server
 *   "restarts" at tick RESET_TICK, after which it counts 1000(k - RESET_TICK) + 400; generation =
 *   500k (also reset: 500(k - RESET_TICK) + 100); success requests = 10k ("stop") + 0 ("length"); the
 *   prefix cache under its OLD names (gpu_prefix_cache_*): queries 800k, hits 200k; waiting 2, running
 *   5, kv cache under the old name gpu_cache_usage_perc 0.5; `_created` series and a NaN gauge included.
 * - DCGM: node "node-a" (old label Hostname), GPU 0 "NVIDIA H100 80GB HBM3" util 80 % and
 *   GR_ENGINE_ACTIVE 0.6; GPU 1 util 20 % and GR_ENGINE_ACTIVE the blank sentinel 9223372036854775794
 *   (so its busy share falls back to util); FB used 40000/10000 MiB, free 41000/71000 MiB.
 * - SGLang: prompt 2000k, generation 1000k, cache_hit_rate 0.25; TGI: input_length_sum 300k,
 *   generated_tokens_sum 150k, request_success 3k (histograms without TYPE lines for TGI).
 * Run as a script for e2e: `node --import tsx lib/testing/fake-prometheus.ts [port]`.
 */
import http from "node:http";

export const RESET_TICK = 5;
export const FAKE_MODEL = "llama-70b";
export const H100 = "NVIDIA H100 80GB HBM3";

const GPU_LABELS = (i: number, hostLabel = "Hostname") =>
  `gpu="${i}",UUID="GPU-0000000${i}-aaaa-bbbb-cccc-00000000000${i}",pci_bus_id="00000000:0${i}:00.0",device="nvidia${i}",modelName="${H100}",${hostLabel}="node-a",DCGM_FI_DRIVER_VERSION="595.58.03"`;

export function vllmText(k: number): string {
  const prompt = k < RESET_TICK ? 1000 * k : 1000 * (k - RESET_TICK) + 400;
  const gen = k < RESET_TICK ? 500 * k : 500 * (k - RESET_TICK) + 100;
  const l = `engine="0",model_name="${FAKE_MODEL}"`;
  return `# HELP vllm:num_requests_running Number of requests in model execution batches.
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{${l}} 5.0
# TYPE vllm:num_requests_waiting gauge
vllm:num_requests_waiting{${l}} 2.0
# TYPE vllm:gpu_cache_usage_perc gauge
vllm:gpu_cache_usage_perc{${l}} 0.5
# TYPE vllm:lora_requests_info gauge
vllm:lora_requests_info{${l}} NaN
# TYPE vllm:prompt_tokens counter
vllm:prompt_tokens_total{${l}} ${prompt}.0
vllm:prompt_tokens_created{${l}} 1.7645e+09
# TYPE vllm:generation_tokens counter
vllm:generation_tokens_total{${l}} ${gen}.0
vllm:generation_tokens_created{${l}} 1.7645e+09
# TYPE vllm:request_success counter
vllm:request_success_total{${l},finished_reason="stop"} ${10 * k}.0
vllm:request_success_total{${l},finished_reason="length"} 0.0
# TYPE vllm:gpu_prefix_cache_queries counter
vllm:gpu_prefix_cache_queries_total{${l}} ${800 * k}.0
# TYPE vllm:gpu_prefix_cache_hits counter
vllm:gpu_prefix_cache_hits_total{${l}} ${200 * k}.0
# TYPE vllm:num_preemptions counter
vllm:num_preemptions_total{${l}} ${k}.0
# TYPE vllm:e2e_request_latency_seconds histogram
vllm:e2e_request_latency_seconds_bucket{${l},le="1.0"} ${5 * k}.0
vllm:e2e_request_latency_seconds_bucket{${l},le="+Inf"} ${10 * k}.0
vllm:e2e_request_latency_seconds_sum{${l}} ${12 * k}.0
vllm:e2e_request_latency_seconds_count{${l}} ${10 * k}.0
`;
}

export function dcgmText(_k: number): string {
  const field = (name: string, type: string, v0: string, v1: string) =>
    `# HELP ${name} .\n# TYPE ${name} ${type}\n${name}{${GPU_LABELS(0)}} ${v0}\n${name}{${GPU_LABELS(1, "hostname")}} ${v1}\n`;
  return (
    field("DCGM_FI_DEV_GPU_UTIL", "gauge", "80", "20") +
    field("DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gauge", "0.600000", "9223372036854775794") +
    field("DCGM_FI_DEV_FB_USED", "gauge", "40000", "10000") +
    field("DCGM_FI_DEV_FB_FREE", "gauge", "41000", "71000") +
    field("DCGM_FI_DEV_POWER_USAGE", "gauge", "500.5", "120.25") +
    field("DCGM_FI_DEV_SM_CLOCK", "gauge", "1980", "1980")
  );
}

export function sglangText(k: number): string {
  const l = `model_name="qwen-32b"`;
  return `# TYPE sglang:prompt_tokens_total counter
sglang:prompt_tokens_total{${l}} ${2000 * k}
# TYPE sglang:generation_tokens_total counter
sglang:generation_tokens_total{${l}} ${1000 * k}
# TYPE sglang:cache_hit_rate gauge
sglang:cache_hit_rate{${l}} 0.25
# TYPE sglang:token_usage gauge
sglang:token_usage{${l}} 0.28
# TYPE sglang:num_running_reqs gauge
sglang:num_running_reqs{${l}} 162.0
# TYPE sglang:num_queue_reqs gauge
sglang:num_queue_reqs{${l}} 3.0
`;
}

export function tgiText(k: number): string {
  return `tgi_request_input_length_sum ${300 * k}
tgi_request_input_length_count ${3 * k}
tgi_request_generated_tokens_sum ${150 * k}
tgi_request_generated_tokens_count ${3 * k}
tgi_request_success ${3 * k}
tgi_queue_size 4
tgi_batch_current_size 7
`;
}

/** A vLLM-like target of about `series` series (histogram buckets per label set), for the benchmark. */
export function benchText(k: number, series: number, target: number): string {
  const lines: string[] = [];
  const perSet = 14; // 10 buckets + sum + count + 2 counters
  const sets = Math.max(1, Math.floor(series / perSet));
  for (let s = 0; s < sets; s++) {
    const l = `engine="${s % 4}",model_name="m-${target}-${s}"`;
    lines.push(`vllm:prompt_tokens_total{${l}} ${1000 * k + s}`, `vllm:generation_tokens_total{${l}} ${500 * k + s}`);
    for (const le of ["0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf"]) lines.push(`vllm:time_to_first_token_seconds_bucket{${l},le="${le}"} ${k * 3 + s}`);
    lines.push(`vllm:time_to_first_token_seconds_sum{${l}} ${k * 0.7}`, `vllm:time_to_first_token_seconds_count{${l}} ${k * 3 + s}`);
  }
  return "# TYPE vllm:prompt_tokens_total counter\n# TYPE vllm:generation_tokens_total counter\n# TYPE vllm:time_to_first_token_seconds histogram\n" + lines.join("\n") + "\n";
}

const TEXT: Record<string, (k: number) => string> = { vllm: vllmText, dcgm: dcgmText, sglang: sglangText, tgi: tgiText };

/** Series names per kind for query_range (values as functions of the tick). */
function rangeSeries(k: number): { metric: Record<string, string>; value: string }[] {
  const out: { metric: Record<string, string>; value: string }[] = [];
  const text = vllmText(k) + dcgmText(k);
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/.exec(line);
    if (!m) continue;
    const metric: Record<string, string> = { __name__: m[1] };
    for (const p of m[2].matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="([^"]*)"/g)) metric[p[1]] = p[2];
    out.push({ metric, value: m[3] });
  }
  return out;
}

export type FakePrometheusOptions = {
  port?: number;
  /** required bearer token, when set */
  token?: string;
  /** tick 0 of the query_range grid (epoch ms); ticks advance one per step after it */
  originMs?: number;
  /** series per target for /bench/<n>/metrics */
  benchSeries?: number;
};

export type FakePrometheus = {
  url: string;
  port: number;
  /** the next query_range answers this error envelope (then normal again) */
  failNextQuery(status: number, errorType: string, error: string): void;
  /** GETs served so far per path */
  hits: Map<string, number>;
  close(): Promise<void>;
};

export async function startFakePrometheus(opts: FakePrometheusOptions = {}): Promise<FakePrometheus> {
  const hits = new Map<string, number>();
  let nextError: { status: number; errorType: string; error: string } | null = null;
  const origin = opts.originMs ?? 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`) {
      res.writeHead(401, { "content-type": "text/plain" }).end("unauthorized");
      return;
    }
    const k = hits.get(url.pathname) ?? 0;
    hits.set(url.pathname, k + 1);
    const m = /^\/(vllm|dcgm|sglang|tgi)\/metrics$/.exec(url.pathname);
    if (m) {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(TEXT[m[1]](k));
      return;
    }
    const b = /^\/bench\/(\d+)\/metrics$/.exec(url.pathname);
    if (b) {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(benchText(k, opts.benchSeries ?? 2000, Number(b[1])));
      return;
    }
    if (url.pathname === "/api/v1/query_range") {
      if (nextError) {
        const e = nextError;
        nextError = null;
        res.writeHead(e.status, { "content-type": "application/json" }).end(JSON.stringify({ status: "error", errorType: e.errorType, error: e.error }));
        return;
      }
      const start = Number(url.searchParams.get("start")) * 1000;
      const end = Number(url.searchParams.get("end")) * 1000;
      const stepMs = Number(url.searchParams.get("step")) * 1000;
      const names = new Set((/__name__=~"([^"]*)"/.exec(url.searchParams.get("query") ?? "")?.[1] ?? "").replace(/\\(.)/g, "$1").split("|"));
      if (!(stepMs > 0) || !(end >= start)) {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ status: "error", errorType: "bad_data", error: "invalid parameter \"step\"" }));
        return;
      }
      const result = new Map<string, { metric: Record<string, string>; values: [number, string][] }>();
      for (let t = start; t <= end; t += stepMs) {
        if (t < origin) continue;
        const tick = Math.floor((t - origin) / stepMs);
        for (const s of rangeSeries(tick)) {
          if (!names.has(s.metric.__name__)) continue;
          const key = JSON.stringify(s.metric);
          let r = result.get(key);
          if (!r) result.set(key, (r = { metric: s.metric, values: [] }));
          r.values.push([t / 1000, s.value]);
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "success", data: { resultType: "matrix", result: [...result.values()] } }));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("404 page not found\n");
  });
  // like uvicorn (vLLM's server), idle keep-alive connections are closed after 5 s: scrapers must cope
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    hits,
    failNextQuery(status, errorType, error) {
      nextError = { status, errorType, error };
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!) && process.argv[1].includes("fake-prometheus")) {
  const port = Number(process.argv[2] ?? 9464);
  startFakePrometheus({ port, benchSeries: Number(process.env.BENCH_SERIES ?? 2000) }).then((f) => console.log(`fake prometheus on ${f.url}`));
}
