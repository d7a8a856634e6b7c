"use client";

import type { ScenarioChange, ScenarioKind } from "@/lib/whatif-contract/scenario";

export const KIND_LABELS: Record<ScenarioKind, string> = {
  route: "Route to another model",
  prompt_cache: "Provider prompt caching",
  app_cache: "Application cache",
  batch: "Batch API",
  max_tokens: "Cap output tokens",
  trim_input: "Trim input",
  self_host: "Self-hosted deployment",
};

/** A sensible starting change of each kind, so switching kind always shows a runnable scenario. */
export function defaultChange(kind: ScenarioKind, deployments: string[]): ScenarioChange {
  switch (kind) {
    case "route":
      return { kind, to_provider: "openai", to_model: "gpt-4o-mini", share: 1 };
    case "prompt_cache":
      return { kind, hit_rate: 0.8 };
    case "app_cache":
      return { kind, hit_rate: 0.2 };
    case "batch":
      return { kind };
    case "max_tokens":
      return { kind, cap: 1024 };
    case "trim_input":
      return { kind, percent: 20 };
    case "self_host":
      return { kind, deployment: deployments[0] ?? "" };
  }
}

const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";

function NumberField({ label, value, onChange, min, max, step, name }: { label: string; value: number; onChange: (v: number) => void; min: number; max?: number; step: number; name: string }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span className="text-slate-600">{label}</span>
      <input className={input} type="number" name={name} value={Number.isFinite(value) ? value : ""} min={min} max={max} step={step} onChange={(e) => onChange(e.target.valueAsNumber)} />
    </label>
  );
}

/** The parameters of the chosen change. Percentages are shown as 0-100 and sent as fractions. */
export function ChangeFields({ change, onChange, models, deployments }: { change: ScenarioChange; onChange: (c: ScenarioChange) => void; models: string[]; deployments: string[] }) {
  const pct = (f: number) => Math.round(f * 10000) / 100;
  switch (change.kind) {
    case "route":
      return (
        <div className="flex flex-wrap gap-3">
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">Target provider</span>
            <input className={input} name="to_provider" value={change.to_provider} onChange={(e) => onChange({ ...change, to_provider: e.target.value })} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">Target model</span>
            <input className={input} name="to_model" list="whatif-models" value={change.to_model} onChange={(e) => onChange({ ...change, to_model: e.target.value })} />
            <datalist id="whatif-models">{models.map((m) => <option key={m} value={m} />)}</datalist>
          </label>
          <NumberField label="Share moved (%)" name="share" value={pct(change.share)} min={0} max={100} step={1} onChange={(v) => onChange({ ...change, share: v / 100 })} />
        </div>
      );
    case "prompt_cache":
    case "app_cache":
      return <NumberField label="Hit rate (%)" name="hit_rate" value={pct(change.hit_rate)} min={0} max={100} step={1} onChange={(v) => onChange({ ...change, hit_rate: v / 100 })} />;
    case "batch":
      return <p className="text-sm text-slate-500">Priced at the provider&apos;s batch discount (OpenAI, Azure, Anthropic, Google, Mistral: 50%); other providers unchanged.</p>;
    case "max_tokens":
      return <NumberField label="Output cap (tokens per request)" name="cap" value={change.cap} min={1} step={1} onChange={(v) => onChange({ ...change, cap: v })} />;
    case "trim_input":
      return <NumberField label="Input cut (%)" name="percent" value={change.percent} min={0} max={100} step={1} onChange={(v) => onChange({ ...change, percent: v })} />;
    case "self_host":
      return deployments.length === 0 ? (
        <p className="text-sm text-slate-500">No self-hosted deployment yet: add one on the Self-hosted page.</p>
      ) : (
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-600">Deployment</span>
          <select className={input} name="deployment" value={change.deployment} onChange={(e) => onChange({ ...change, deployment: e.target.value })}>
            {deployments.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
      );
  }
}
