import Link from "next/link";
import type { SloPageData } from "@/lib/slos/page-data";
import type { SloConfig } from "@/lib/slos/types";
import { BURN_RULES } from "@/lib/slos/burn";
import { KIND_LABELS, describeObjective } from "@/lib/slos/describe";
import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime, formatInt } from "@/components/format";
import { BreachTable } from "./breach-table";
import { BudgetChart, BurnChart } from "./slo-charts";
import { SloStateBadge, formatBurn, formatRatio } from "./slo-state-badge";

type Props = { slo: SloConfig; data: SloPageData; editable: boolean; deleteAction: (form: FormData) => Promise<void> };

/** One SLO: where it stands, how fast it burns, the alerts it holds open and the events that breached it. */
export function SloDetail({ slo, data, editable, deleteAction }: Props) {
  const s = data.status;
  const card = "rounded-xl border border-slate-200 bg-white p-4";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{slo.name}</h1>
          <p className="text-sm text-slate-600">
            {KIND_LABELS[slo.kind]}: {describeObjective(slo)} · {Object.entries(slo.scope).map(([k, v]) => `${k}=${v}`).join(", ") || "whole organization"} ·{" "}
            {slo.windowType === "calendar_month" ? "calendar month" : `rolling ${slo.windowDays} days`}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <SloStateBadge state={s.state} />
          {editable && (
            <>
              <Link href={`/slos/${slo.id}/edit`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
                Edit
              </Link>
              <ConfirmForm action={deleteAction} id={slo.id} question={`Delete the SLO "${slo.name}"? Its open alerts stay until resolved.`}>
                Delete
              </ConfirmForm>
            </>
          )}
        </div>
      </div>
      {data.alerts.length > 0 && (
        <div className="space-y-2" data-testid="slo-alerts">
          {data.alerts.map((a) => (
            <Link key={a.id} href={`/alerts/${a.id}`} className={`block rounded-lg border p-3 text-sm ${a.severity === "critical" ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900"}`}>
              <span className="font-semibold">{a.severity === "critical" ? "Paging" : "Ticket"} ({a.state}) since {formatDateTime(a.openedAt)}:</span> {a.title}
            </Link>
          ))}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <div className={card}>
          <div className="text-xs uppercase text-slate-500">Attainment</div>
          <div className="text-2xl font-semibold tabular-nums" data-testid="slo-attainment">{formatRatio(s.attainment, 3)}</div>
          <div className="text-xs text-slate-500">{formatInt(s.good)} good of {formatInt(s.total)} · target {slo.target}%</div>
        </div>
        <div className={card}>
          <div className="text-xs uppercase text-slate-500">Error budget left</div>
          <div className="text-2xl font-semibold tabular-nums">{formatRatio(s.budgetRemaining, 1)}</div>
          <div className="text-xs text-slate-500">since {formatDateTime(s.windowStart)}</div>
        </div>
        <div className={`${card} lg:col-span-2`}>
          <div className="text-xs uppercase text-slate-500">Burn rates</div>
          <div className="mt-1 grid grid-cols-5 gap-2 text-center text-sm tabular-nums" data-testid="slo-burn-rates">
            {(["5m", "30m", "1h", "6h", "3d"] as const).map((w) => (
              <div key={w}>
                <div className="text-xs text-slate-500">{w}</div>
                <div className="font-semibold">{formatBurn(s.burn[w])}</div>
              </div>
            ))}
          </div>
          <ul className="mt-2 text-xs text-slate-600">
            {BURN_RULES.map((r) => (
              <li key={r.name} className={s.firing.some((f) => f.name === r.name) ? "font-semibold text-red-700" : ""}>
                {r.severity === "critical" ? "Page" : "Ticket"} when ≥ {r.factor}× over {r.long} and {r.short}
                {s.firing.some((f) => f.name === r.name) ? " — firing" : ""}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <section className={card}>
        <h2 className="mb-2 font-medium">Burn rate per hour</h2>
        <BurnChart points={data.chart} />
      </section>
      <section className={card}>
        <h2 className="mb-2 font-medium">Error budget left</h2>
        <BudgetChart points={data.chart} />
      </section>
      <section className={card}>
        <h2 className="mb-2 font-medium">Events that breached the objective (worst first)</h2>
        {slo.kind === "cost_per_action" && <p className="mb-2 text-xs text-slate-500">Cost per action is judged per 5-minute slice; these are the costliest events of the window.</p>}
        <BreachTable events={data.breaches} scope={slo.scope} />
      </section>
    </div>
  );
}
