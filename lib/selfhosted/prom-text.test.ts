import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { benchText, sglangText, tgiText, vllmText } from "@/lib/testing/fake-prometheus";
import { isDcgmBlank, parsePrometheusText } from "./prom-text";
import { counterIncrease, coveredMs, metricNames, reduceScrape } from "./reduce";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../../shared/fixtures/sources", name), "utf8");

test("vLLM fixture: gauges per engine, counters read, kv cache under its new name", () => {
  const text = fixture("05-vllm-sglang-tgi-prometheus.txt").split("## B.")[0];
  const r = reduceScrape("vllm", parsePrometheusText(text), 1_000_000, { lastTsMs: null, counters: {} }, 15_000);
  assert.equal(r.serving.length, 2);
  const e0 = r.serving.find((s) => s.seriesKey === "Qwen/Qwen3-4B-Instruct-2507|0")!;
  assert.equal(e0.running, 5);
  assert.equal(e0.waiting, 2);
  assert.equal(e0.kvCache, 0.45);
  assert.equal(e0.promptTokens, 0, "first sight of a counter is no increase");
  assert.equal(r.state.counters["Qwen/Qwen3-4B-Instruct-2507|0"].promptTokens, 1000);
});

test("SGLang fixture: model label, gauges, cache hit rate applied to the prompt increase", () => {
  const text = fixture("05-vllm-sglang-tgi-prometheus.txt").split("## C.")[1].split("## D.")[0];
  const samples = parsePrometheusText(text.replace(/^\$ curl.*$/m, ""));
  const first = reduceScrape("sglang", samples, 0, { lastTsMs: null, counters: {} }, 15_000);
  assert.equal(first.serving[0].model, "meta-llama/Llama-3.1-8B-Instruct");
  assert.equal(first.serving[0].running, 162);
  assert.equal(first.serving[0].waiting, 2826);
  assert.equal(first.serving[0].kvCache, 0.28);
  // second scrape: prompt tokens +1000 -> queries 1000, hits round(1000 * 0.0075...) = 8
  const more = text.replace("8.128902e+06", "8129902").replace(/^\$ curl.*$/m, "");
  const second = reduceScrape("sglang", parsePrometheusText(more), 15_000, first.state, 15_000);
  assert.equal(second.serving[0].promptTokens, 1000);
  assert.equal(second.serving[0].prefixQueries, 1000);
  assert.equal(second.serving[0].prefixHits, 8);
});

test("DCGM fixture: Hostname becomes hostname, util in 0-1, driver version not kept as a label", () => {
  const text = fixture("06-dcgm-exporter-nvidia-smi.txt").split("## C.")[1].split("## D.")[0];
  const [g] = reduceScrape("dcgm", parsePrometheusText(text), 0, { lastTsMs: null, counters: {} }, 15_000).gpus;
  assert.equal(g.hostname, "gpu1-wl8sg");
  assert.equal(g.labels.hostname, "gpu1-wl8sg");
  assert.equal(g.labels.Hostname, undefined);
  assert.equal(g.labels.DCGM_FI_DRIVER_VERSION, undefined);
  assert.equal(g.modelName, "NVIDIA L40S");
  assert.equal(g.util, 0);
  assert.equal(g.fbFreeMib, 45459);
  assert.equal(g.engineActive, 0);
  const t4 = fixture("06-dcgm-exporter-nvidia-smi.txt").split("## E.")[1].split("## F.")[0];
  const [h] = reduceScrape("dcgm", parsePrometheusText(t4), 0, { lastTsMs: null, counters: {} }, 15_000).gpus;
  assert.equal(h.util, 0.91);
  assert.equal(h.engineActive, 0.156205);
  assert.equal(h.powerW, 68.244);
});

test("_created series are skipped; NaN and Inf become null, never numbers", () => {
  const s = parsePrometheusText(`# TYPE x counter
x_total 5
x_created 1.7e9
g NaN
h +Inf
i -Inf
`);
  assert.deepEqual(s.map((x) => [x.name, x.value]), [["x_total", 5], ["g", null], ["h", null], ["i", null]]);
});

test("DCGM blank sentinels (INT32, INT64, FP64 families) become null; real readings stay", () => {
  for (const v of [0x7ffffff0, 0x7ffffff0 + 3, 2 ** 47, 2 ** 47 + 2, 9223372036854775794, 9223372036854775792]) assert.ok(isDcgmBlank("DCGM_FI_DEV_GPU_UTIL", v), String(v));
  assert.ok(!isDcgmBlank("DCGM_FI_DEV_FB_USED", 81559));
  assert.ok(!isDcgmBlank("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 5551899580), "energy in mJ legitimately exceeds 2^31");
  assert.ok(isDcgmBlank("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 9223372036854775794));
  assert.ok(!isDcgmBlank("vllm:prompt_tokens_total", 9223372036854775794), "only DCGM series carry sentinels");
  const [s] = parsePrometheusText(`DCGM_FI_PROF_GR_ENGINE_ACTIVE{gpu="1"} 9223372036854775794\n`);
  assert.equal(s.value, null);
});

test("old vLLM names map to the new ones", () => {
  const s = parsePrometheusText(`# TYPE vllm:gpu_prefix_cache_hits counter
vllm:gpu_prefix_cache_hits_total{model_name="m"} 7
# TYPE vllm:gpu_cache_usage_perc gauge
vllm:gpu_cache_usage_perc{model_name="m"} 0.3
`);
  assert.deepEqual(s.map((x) => x.name), ["vllm:prefix_cache_hits_total", "vllm:kv_cache_usage_perc"]);
});

test("counter increases: first sight 0, growth is the difference, a drop (restart) is the new value", () => {
  assert.equal(counterIncrease(undefined, 500), 0);
  assert.equal(counterIncrease(100, 150), 50);
  assert.equal(counterIncrease(4000, 400), 400);
  assert.equal(counterIncrease(7, 7), 0);
});

test("a counter reset across scrapes in the reducer; state carries values between scrapes", () => {
  const text = (v: number) => `vllm:prompt_tokens_total{model_name="m",engine="0"} ${v}\n`;
  let st = { lastTsMs: null as number | null, counters: {} };
  const incs: number[] = [];
  for (const [i, v] of [100, 300, 50, 80].entries()) {
    const r = reduceScrape("vllm", parsePrometheusText(text(v)), i * 15_000, st, 15_000);
    incs.push(r.serving[0].promptTokens);
    st = r.state;
  }
  assert.deepEqual(incs, [0, 200, 50, 30]);
});

test("covered time: the gap since the previous scrape, capped at three intervals", () => {
  assert.equal(coveredMs(30_000, 15_000, 15_000), 15_000);
  assert.equal(coveredMs(30_000, null, 15_000), 15_000);
  assert.equal(coveredMs(3_600_000, 0 + 1, 15_000), 45_000);
});

test("TGI histograms without TYPE lines read as counters from _sum", () => {
  const t = (k: number) => `tgi_request_input_length_sum ${300 * k}\ntgi_request_generated_tokens_sum ${150 * k}\ntgi_request_success ${3 * k}\ntgi_queue_size 4\n`;
  const a = reduceScrape("tgi", parsePrometheusText(t(1)), 0, { lastTsMs: null, counters: {} }, 15_000, "");
  const b = reduceScrape("tgi", parsePrometheusText(t(3)), 15_000, a.state, 15_000, "");
  assert.deepEqual([b.serving[0].promptTokens, b.serving[0].generationTokens, b.serving[0].requests, b.serving[0].waiting], [600, 300, 6, 4]);
});

test("filtered parse keeps a histogram's _sum without its buckets and counts every exposed line", () => {
  const text = `# HELP vllm:request_prefill_time_seconds Histogram of prefill time.
# TYPE vllm:request_prefill_time_seconds histogram
vllm:request_prefill_time_seconds_bucket{le="0.3",model_name="m"} 3.0
vllm:request_prefill_time_seconds_bucket{le="+Inf",model_name="m"} 4.0
vllm:request_prefill_time_seconds_sum{model_name="m"} 1.25
vllm:request_prefill_time_seconds_count{model_name="m"} 4.0
# TYPE vllm:num_requests_running gauge
vllm:num_requests_running{model_name="m"} 1
`;
  const stats = { exposed: 0 };
  const s = parsePrometheusText(text, new Set(["vllm:request_prefill_time_seconds_sum"]), stats);
  assert.deepEqual(s.map((x) => [x.name, x.value]), [["vllm:request_prefill_time_seconds_sum", 1.25]]);
  assert.equal(stats.exposed, 5);
});

test("the cut by names keeps exactly the samples of those names, old metric names included", () => {
  const texts = { vllm: vllmText(7) + benchText(3, 300, 1), sglang: sglangText(7), tgi: tgiText(7) };
  for (const kind of ["vllm", "sglang", "tgi"] as const) {
    const names = new Set(metricNames(kind));
    const cut = parsePrometheusText(texts[kind], names);
    assert.deepEqual(cut, parsePrometheusText(texts[kind]).filter((s) => names.has(s.name)), kind);
    assert.ok(cut.length > 0, kind);
  }
  const old = `# TYPE vllm:gpu_prefix_cache_hits counter\nvllm:gpu_prefix_cache_hits_total{model_name="m"} 7\nvllm:gpu_prefix_cache_hits_totalx{model_name="m"} 8\n  \n# c\n`;
  const stats = { exposed: 0 };
  assert.deepEqual(parsePrometheusText(old, new Set(["vllm:prefix_cache_hits_total"]), stats).map((s) => [s.name, s.value]), [["vllm:prefix_cache_hits_total", 7]]);
  assert.equal(stats.exposed, 2);
});
