import { durationText, percentText, usdText, usdNumberText, dimensionValueText } from "@/lib/reports/format";
import { sectionTable, type CsvSection, type Fmt } from "@/lib/reports/quarterly/tables";
import type { QuarterlyReport } from "@/lib/reports/quarterly/types";
import { Downloads, QuarterPicker } from "./quarter-picker";
import { FeatureBars, MonthBars, TierBenchmarkBars } from "./quarterly-charts";
import { Card, SectionTable } from "./section-table";

const READABLE: Fmt = { money: usdText, num: (n) => (n === null ? "n/a" : n.toLocaleString("en-US")), pct: (n) => percentText(n), usdNum: usdNumberText };

function Kpi({ label, value, sub, testId }: { label: string; value: string; sub?: string; testId?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-1 text-xl font-semibold tabular-nums">{value}</div>
      {sub && <div className="text-xs text-slate-500">{sub}</div>}
    </div>
  );
}

const upperEdge = (band: string) => Number((band.split("-").pop() ?? "").replace(/[$+%]/g, "")) || 0;

/** The quarterly review on screen: the same sections as the PDF and the CSVs. */
export function QuarterlyView({ report: r, quarters }: { report: QuarterlyReport; quarters: string[] }) {
  const t = (s: CsvSection) => <SectionTable table={sectionTable(r, s, READABLE)} testId={`section-${s}`} />;
  const f = r.breakdowns.feature;
  const featureItems = [...f.top.map((i) => ({ name: dimensionValueText(i.value), cost: Number(i.cost_usd) })), ...(f.other ? [{ name: `other (${f.other.count})`, cost: Number(f.other.cost_usd) }] : [])];
  const tiers = r.unit_economics.tiers
    .filter((x) => x.benchmark && x.cost_per_mtok_usd !== null)
    .map((x) => ({ tier: x.label.split(" (")[0], measured: x.cost_per_mtok_usd!, p50: upperEdge(x.benchmark!.p50), worldClass: upperEdge(x.benchmark!.world_class) }));
  const last = new Date(Date.parse(r.to) - 86_400_000).toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Quarterly optimization review {r.quarter}</h1>
          <p className="text-sm text-slate-500">
            {r.from.slice(0, 10)} to {last}, quarters in UTC. {r.complete ? "Complete quarter." : `In progress: figures to ${r.as_of.slice(0, 16).replace("T", " ")} UTC.`}
          </p>
        </div>
        <div className="flex flex-col items-end gap-2">
          <QuarterPicker quarter={r.quarter} quarters={quarters.includes(r.quarter) ? quarters : [r.quarter, ...quarters]} />
          <Downloads quarter={r.quarter} />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Kpi label="Total spend" value={usdText(r.total_spend_usd)} sub={`${r.requests.toLocaleString("en-US")} requests`} testId="kpi-total" />
        <Kpi
          label={`vs ${r.previous.quarter}`}
          value={r.previous_total_spend_usd === null ? "no data" : percentText(r.change_vs_previous_percent, true)}
          sub={r.previous_total_spend_usd === null ? undefined : `${usdText(r.previous_total_spend_usd)} then`}
          testId="kpi-previous"
        />
        <Kpi
          label={`vs ${r.last_year.quarter}`}
          value={r.last_year_total_spend_usd === null ? "no data" : percentText(r.change_vs_last_year_percent, true)}
          sub={r.last_year_total_spend_usd === null ? undefined : `${usdText(r.last_year_total_spend_usd)} then`}
          testId="kpi-last-year"
        />
        <Kpi label="Cost per request" value={usdNumberText(r.unit_economics.cost_per_request_usd)} sub={r.unit_economics.cost_per_request_benchmark ? `industry: ${r.unit_economics.cost_per_request_benchmark.place}` : undefined} />
      </div>
      <Card title="Spend by month">
        <MonthBars months={r.spend_by_month.map((m) => ({ month: m.month, cost: Number(m.cost_usd) }))} />
      </Card>
      <Card title="Spend by feature">
        <FeatureBars items={featureItems} />
        {t("feature")}
      </Card>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="By team">{t("team")}</Card>
        <Card title="By model">{t("model")}</Card>
        <Card title="By customer">{t("customer")}</Card>
      </div>
      <Card title="Unit economics against the industry table">
        <p className="text-xs text-slate-500">
          Per request: spend over priced requests. Per user: spend of events naming a user over distinct users. Per action: a feature&apos;s spend over its events tagged with that action.
          Industry bands: {r.benchmarks_source.title} (seed {r.benchmarks_source.seed}). {r.benchmarks_source.note}
        </p>
        {t("unit_costs")}
        <TierBenchmarkBars tiers={tiers} />
        {t("tiers")}
        {r.unit_economics.actions.length > 0 && t("actions")}
      </Card>
      <Card title="Budget variance">{t("budgets")}</Card>
      <Card title="Alerts">
        <p className="text-sm">
          {r.alerts.total} opened; median time to acknowledge {durationText(r.alerts.median_time_to_acknowledge_seconds)}, to resolve {durationText(r.alerts.median_time_to_resolve_seconds)}; {r.alerts.still_open} not resolved.
        </p>
        {t("alerts")}
      </Card>
      <Card title="Attribution coverage">{t("attribution")}</Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="SLO attainment">{t("slos")}</Card>
        <Card title="Recommendations and realized savings">{t("recommendations")}</Card>
      </div>
    </div>
  );
}
