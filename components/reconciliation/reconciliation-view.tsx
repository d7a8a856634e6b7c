import type { ReconciliationPageData } from "@/lib/provider-billing/page-data";
import { BilledChart } from "./billed-chart";
import { CoverageAlertForm } from "./coverage-alert-form";
import { MappingTable } from "./mapping-table";
import { ReconcileTable } from "./reconcile-table";

type Action = (form: FormData) => Promise<void>;
const DAY = 86_400_000;

/** The /reconciliation page: range, billed vs attributed chart and table, the mapping and the coverage alert. */
export function ReconciliationView({
  data,
  editable,
  error,
  actions,
}: {
  data: ReconciliationPageData;
  editable: boolean;
  error: string | null;
  actions: { saveMapping: Action; deleteMapping: Action; saveCoverage: Action };
}) {
  const from = data.params.from.toISOString().slice(0, 10);
  const lastDay = new Date(data.params.to.getTime() - DAY).toISOString().slice(0, 10);
  const points = data.byDay.rows.map((r) => ({ day: r.day ?? "", billed: r.billed_usd === null ? null : Number(r.billed_usd), attributed: Number(r.attributed_usd) }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Reconciliation</h1>
          <p className="max-w-3xl text-sm text-slate-500">
            What OpenAI and Anthropic billed (their cost reports; usage × price for days not reported yet) against what request-level events account for. Models are compared by family
            (snapshot dates dropped). Provider data never changes the overview&apos;s figures.
          </p>
        </div>
        <form className="flex items-end gap-2 text-sm" data-testid="range-form">
          <label className="flex flex-col gap-1">
            From
            <input type="date" name="from" defaultValue={from} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <label className="flex flex-col gap-1">
            To
            <input type="date" name="to" defaultValue={lastDay} className="rounded-md border border-slate-300 px-2 py-1" />
          </label>
          <button className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">Show</button>
        </form>
      </div>
      {data.notice && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">Showing the default range: {data.notice}</p>}
      {data.providers.length === 0 && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600">No provider source has delivered usage yet: add an OpenAI or Anthropic source with an admin key on the Sources page.</p>
      )}
      <BilledChart points={points} />
      <ReconcileTable rows={data.byModel.rows} totals={data.byModel.totals} />
      <CoverageAlertForm threshold={data.coverageThreshold} editable={editable} save={actions.saveCoverage} />
      <MappingTable mappings={data.mappings} editable={editable} save={actions.saveMapping} remove={actions.deleteMapping} error={error} />
    </div>
  );
}
