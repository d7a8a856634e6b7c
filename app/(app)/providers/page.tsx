import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { HEALTH_PRESETS, loadProviderHealthPage } from "@/lib/provider-health/page-data";
import { HealthTable } from "@/components/providers/health-table";
import { LiveHealthCharts } from "@/components/providers/live-health";
import { RangePicker } from "@/components/providers/range-picker";

export const metadata: Metadata = { title: "Providers" };
export const dynamic = "force-dynamic";

export default async function ProvidersPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const user = await requirePermission("providers.view");
  const { range, query, answer } = await loadProviderHealthPage(user.orgId, (await searchParams).range);
  const s = answer.settings;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Provider health</h1>
          <p className="text-sm text-slate-500">
            Errors, 429s, latency and time to first token per provider and model, and the headroom left under each rate limit, from the events you send (
            <code>http_status</code>, <code>ttft_ms</code>, <code>rate_limit</code>). Alerts when headroom stays under {s.headroom_alert_percent}% for {s.headroom_alert_minutes} minutes.
          </p>
        </div>
        <RangePicker path="/providers" current={range} presets={HEALTH_PRESETS} />
      </div>
      <HealthTable rows={answer.rows} alertPercent={s.headroom_alert_percent} />
      <LiveHealthCharts initial={answer} query={query} />
    </div>
  );
}
