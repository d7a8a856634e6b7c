"use client";

import { useState, type FormEvent } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import type { ReplayResult, Scenario, ScenarioChange, ScenarioKind } from "@/lib/whatif-contract/scenario";
import { ChangeFields, KIND_LABELS, defaultChange } from "./change-fields";
import { ReplayResultView } from "./replay-result";

type Request = Omit<Scenario, "from" | "to"> & { from?: string; to?: string };
type Answer = { ok: true; result: ReplayResult & { from: string; to: string } } | { ok: false; error: string; details: string[] };

async function runReplay(body: Request): Promise<Answer> {
  const res = await fetch("/api/v1/whatif", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  return res.ok ? { ok: true, result: json } : { ok: false, error: json.error ?? `HTTP ${res.status}`, details: json.details ?? [] };
}

const input = "rounded-md border border-slate-300 px-2 py-1 text-sm";
const day = (iso?: string) => (iso ? iso.slice(0, 10) : "");

/**
 * Scope (dimension values from the organization's own traffic), one change and a window; running it
 * puts the scenario in the URL (`?scenario=<JSON>`), so a replay is a link, and a link runs on load.
 */
export function ScenarioBuilder({ values, deployments, initial }: { values: Record<Dimension, string[]>; deployments: string[]; initial: Scenario | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const [scope, setScope] = useState<[Dimension, string][]>(Object.entries(initial?.scope ?? {}) as [Dimension, string][]);
  const [change, setChange] = useState<ScenarioChange>(initial?.change ?? defaultChange("route", deployments));
  const [from, setFrom] = useState(initial?.from);
  const [to, setTo] = useState(initial?.to);
  const [running, setRunning] = useState<Request | null>(initial);
  const [dim, setDim] = useState<Dimension>("feature");

  const replay = useQuery({ queryKey: ["whatif", JSON.stringify(running)], queryFn: () => runReplay(running!), enabled: running !== null, staleTime: 60_000 });

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: Request = { scope: Object.fromEntries(scope.filter(([, v]) => v !== "")), change, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    setRunning(body);
    router.replace(`${pathname}?scenario=${encodeURIComponent(JSON.stringify(body))}`, { scroll: false });
  }

  const setDay = (set: (v: string | undefined) => void) => (v: string) => set(v ? `${v}T00:00:00Z` : undefined);
  const unused = DIMENSIONS.filter((d) => !scope.some(([k]) => k === d));
  const answer = replay.data;

  return (
    <div className="space-y-6">
      <form onSubmit={submit} data-testid="whatif-form" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Scope</legend>
          {scope.length === 0 && <p className="text-sm text-slate-500">The whole organization. Add a dimension to narrow it.</p>}
          {scope.map(([d, v], i) => (
            <div key={d} className="flex items-center gap-2 text-sm">
              <span className="w-24 text-slate-600">{d}</span>
              <select className={input} name={`scope-${d}`} value={v} onChange={(e) => setScope(scope.map((s, j) => (j === i ? [d, e.target.value] : s)))}>
                {!values[d].includes(v) && <option value={v}>{v || "(choose)"}</option>}
                {values[d].map((x) => <option key={x} value={x}>{x}</option>)}
              </select>
              <button type="button" className="text-slate-500 hover:text-red-600" onClick={() => setScope(scope.filter((_, j) => j !== i))} aria-label={`Remove ${d}`}>
                ×
              </button>
            </div>
          ))}
          {unused.length > 0 && (
            <div className="flex items-center gap-2 text-sm">
              <select className={input} aria-label="Dimension to add" value={unused.includes(dim) ? dim : unused[0]} onChange={(e) => setDim(e.target.value as Dimension)}>
                {unused.map((d) => <option key={d} value={d}>{d}</option>)}
              </select>
              <button type="button" className="rounded-md border border-slate-300 px-2 py-1" onClick={() => { const d = unused.includes(dim) ? dim : unused[0]; setScope([...scope, [d, values[d][0] ?? ""]]); }}>
                Add to scope
              </button>
            </div>
          )}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold">Change</legend>
          <select className={input} name="kind" aria-label="Change" value={change.kind} onChange={(e) => setChange(defaultChange(e.target.value as ScenarioKind, deployments))}>
            {(Object.keys(KIND_LABELS) as ScenarioKind[]).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
          <ChangeFields change={change} onChange={setChange} models={values.model} deployments={deployments} />
        </fieldset>
        <fieldset className="flex flex-wrap items-end gap-3">
          <legend className="text-sm font-semibold">Window (UTC; empty = the last 30 days)</legend>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">From</span>
            <input className={input} type="date" name="from" value={day(from)} onChange={(e) => setDay(setFrom)(e.target.value)} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            <span className="text-slate-600">To (exclusive)</span>
            <input className={input} type="date" name="to" value={day(to)} onChange={(e) => setDay(setTo)(e.target.value)} />
          </label>
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700">
            Run replay
          </button>
        </fieldset>
      </form>
      {replay.isFetching && <p className="text-sm text-slate-500" role="status">Replaying…</p>}
      {replay.isError && <p className="text-sm text-red-700" role="alert">The replay failed: {String(replay.error)}</p>}
      {answer && !answer.ok && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{answer.error}</p>
          <ul className="list-disc pl-5">{answer.details.map((d) => <li key={d}>{d}</li>)}</ul>
        </div>
      )}
      {answer?.ok && (
        <>
          <p className="text-xs text-slate-500">
            Replayed {answer.result.from.slice(0, 16).replace("T", " ")} – {answer.result.to.slice(0, 16).replace("T", " ")} UTC.
          </p>
          <ReplayResultView result={answer.result} />
        </>
      )}
    </div>
  );
}
