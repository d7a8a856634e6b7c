"use client";

import { useMemo, useState } from "react";
import { parsePlannerInput, planCapacity, PRECISIONS, QUANTIZATION_TABLE, DEFAULT_TARGET_UTILIZATION, type Precision } from "@/lib/selfhosted-advice/capacity";
import type { ApiModelPreset, DeploymentPreset } from "@/lib/selfhosted-advice/presets";
import { formatInt, formatPercent, formatUnitUsd, formatUsd } from "@/components/format";
import { CapacityResult } from "./capacity-result";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export type Fields = Record<
  "load_unit" | "load" | "input_tokens" | "output_tokens" | "throughput_per_gpu" | "gpus_per_replica" | "target_utilization" | "gpu_price_per_hour" | "precision_from" | "precision_to" | "peak_to_mean" | "api_input_per_1m" | "api_output_per_1m",
  string
>;

function fromDeployment(d: DeploymentPreset | undefined, prev: Fields): Fields {
  if (!d) return prev;
  const perRequest = d.tokensPerRequest ?? Number(prev.input_tokens) + Number(prev.output_tokens);
  return {
    ...prev,
    load_unit: "tps",
    load: d.p95TokensPerSecond ? String(d.p95TokensPerSecond) : prev.load,
    // the demo and most chat traffic run about 3 input tokens to 1 output token
    input_tokens: String(Math.round(perRequest * 0.75)),
    output_tokens: String(perRequest - Math.round(perRequest * 0.75)),
    throughput_per_gpu: d.throughputPerGpu ? String(d.throughputPerGpu) : prev.throughput_per_gpu,
    gpus_per_replica: String(d.gpusPerReplica),
    gpu_price_per_hour: String(d.pricePerGpuHour),
    precision_from: d.precision,
    precision_to: d.precision,
  };
}

const toNumber = (s: string) => (s.trim() === "" ? NaN : Number(s));

/** The capacity planner: every figure recomputes as the fields change (lib/selfhosted-advice/capacity.ts). */
export function CapacityForm({ deployments, apiModels, initialDeployment }: { deployments: DeploymentPreset[]; apiModels: ApiModelPreset[]; initialDeployment?: string }) {
  const [deployment, setDeployment] = useState(deployments.find((d) => d.name === initialDeployment)?.name ?? deployments[0]?.name ?? "");
  const [apiModel, setApiModel] = useState(apiModels[0] ? `${apiModels[0].provider}/${apiModels[0].model}` : "");
  const [f, setF] = useState<Fields>(() => {
    const api = apiModels[0];
    const base: Fields = {
      load_unit: "rps", load: "", input_tokens: "1500", output_tokens: "500", throughput_per_gpu: "1000", gpus_per_replica: "1",
      target_utilization: String(DEFAULT_TARGET_UTILIZATION * 100), gpu_price_per_hour: "3.06", precision_from: "fp16", precision_to: "fp16", peak_to_mean: "1.5",
      api_input_per_1m: api ? String(api.inputPer1M) : "", api_output_per_1m: api ? String(api.outputPer1M) : "",
    };
    return fromDeployment(deployments.find((d) => d.name === deployment), base);
  });
  const set = (k: keyof Fields) => (e: { target: { value: string } }) => setF((p) => ({ ...p, [k]: e.target.value }));

  const parsed = useMemo(() => {
    const apiGiven = f.api_input_per_1m.trim() !== "" || f.api_output_per_1m.trim() !== "";
    return parsePlannerInput({
      load_unit: f.load_unit, load: toNumber(f.load), input_tokens: toNumber(f.input_tokens), output_tokens: toNumber(f.output_tokens),
      throughput_per_gpu: toNumber(f.throughput_per_gpu), gpus_per_replica: toNumber(f.gpus_per_replica), target_utilization: toNumber(f.target_utilization) / 100,
      gpu_price_per_hour: toNumber(f.gpu_price_per_hour), precision_from: f.precision_from, precision_to: f.precision_to, peak_to_mean: toNumber(f.peak_to_mean),
      api_input_per_1m: apiGiven ? toNumber(f.api_input_per_1m) : null, api_output_per_1m: apiGiven ? toNumber(f.api_output_per_1m) : null,
    });
  }, [f]);
  const result = parsed.ok ? planCapacity(parsed.value) : null;
  const chosen = deployments.find((d) => d.name === deployment);
  const api = apiModels.find((m) => `${m.provider}/${m.model}` === apiModel);

  const field = (k: keyof Fields, label: string, extra: Record<string, string> = {}) => (
    <label className="text-sm font-medium">
      {label}
      <input name={k} value={f[k]} onChange={set(k)} inputMode="decimal" className={input} {...extra} />
    </label>
  );
  const precision = (k: "precision_from" | "precision_to", label: string) => (
    <label className="text-sm font-medium">
      {label}
      <select name={k} value={f[k]} onChange={set(k)} className={input}>
        {PRECISIONS.map((p: Precision) => <option key={p} value={p}>{QUANTIZATION_TABLE[p].label} ({QUANTIZATION_TABLE[p].throughput}× FP32 throughput, quality loss {QUANTIZATION_TABLE[p].qualityLoss})</option>)}
      </select>
    </label>
  );

  return (
    <div className="space-y-4">
      <form className="grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3" data-testid="capacity-form" onSubmit={(e) => e.preventDefault()}>
        <label className="text-sm font-medium">
          Prefill from deployment
          <select value={deployment} className={input} onChange={(e) => { setDeployment(e.target.value); setF((p) => fromDeployment(deployments.find((d) => d.name === e.target.value), p)); }}>
            <option value="">(none)</option>
            {deployments.map((d) => <option key={d.name} value={d.name}>{d.name} · {d.model}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          Compare with API model
          <select value={apiModel} className={input} onChange={(e) => { setApiModel(e.target.value); const m = apiModels.find((x) => `${x.provider}/${x.model}` === e.target.value); setF((p) => ({ ...p, api_input_per_1m: m ? String(m.inputPer1M) : "", api_output_per_1m: m ? String(m.outputPer1M) : "" })); }}>
            <option value="">(none)</option>
            {apiModels.map((m) => <option key={`${m.provider}/${m.model}`} value={`${m.provider}/${m.model}`}>{m.provider} / {m.model}</option>)}
          </select>
        </label>
        <div className="text-xs text-slate-500 sm:pt-5">
          {chosen && (chosen.throughputPerGpu ? `${chosen.name}: ${formatInt(chosen.throughputPerGpu)} tokens/s per busy GPU measured over 7 days, ${chosen.gpus} × ${chosen.gpuModel}, p95 load ${formatInt(chosen.p95TokensPerSecond ?? 0)} tokens/s.` : `${chosen.name}: no measured throughput in the last 7 days.`)}
          {api && ` ${api.model}: list ${formatUnitUsd(api.inputPer1M)} in / ${formatUnitUsd(api.outputPer1M)} out per 1M${api.measuredPer1M !== null ? `, measured ${formatUnitUsd(api.measuredPer1M)}/1M` : ""}, ${formatUsd(api.monthlyCostUsd)} a month.`}
        </div>
        <label className="text-sm font-medium">
          Load unit
          <select name="load_unit" value={f.load_unit} onChange={set("load_unit")} className={input}>
            <option value="rps">requests/s</option>
            <option value="tps">tokens/s</option>
          </select>
        </label>
        {field("load", "Peak load", { placeholder: "e.g. 20" })}
        {field("peak_to_mean", "Peak-to-average ratio")}
        {field("input_tokens", "Input tokens per request")}
        {field("output_tokens", "Output tokens per request")}
        {field("throughput_per_gpu", "Tokens/s per GPU at 100% busy")}
        {field("gpus_per_replica", "GPUs per replica")}
        {field("target_utilization", "Target utilization (%)")}
        {field("gpu_price_per_hour", "USD per GPU-hour")}
        {precision("precision_from", "Precision measured at")}
        {precision("precision_to", "Precision planned")}
        <div />
        {field("api_input_per_1m", "API USD per 1M input tokens")}
        {field("api_output_per_1m", "API USD per 1M output tokens")}
      </form>
      {parsed.ok ? (
        <CapacityResult r={result!} targetUtilization={parsed.value.target_utilization} />
      ) : (
        <ul className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="capacity-errors">
          {parsed.errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      )}
      <p className="text-xs text-slate-500">
        GPUs come in whole replicas sized for the peak at the target utilization ({formatPercent(DEFAULT_TARGET_UTILIZATION, 0)} by default: seed 000 keeps 30% headroom for p99 latency). Quantization multiplies the throughput by seed 000's table (measured on a 7B model). A month is 730 hours; monthly tokens are the peak over the peak-to-average ratio.
      </p>
    </div>
  );
}
