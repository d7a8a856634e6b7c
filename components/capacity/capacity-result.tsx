import type { PlannerResult } from "@/lib/selfhosted-advice/capacity";
import { formatCompact, formatInt, formatPercent, formatUnitUsd, formatUsd } from "@/components/format";

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="text-xs text-slate-500">{label}</div>
      <div className="text-lg font-semibold" data-testid={testId}>{value}</div>
    </div>
  );
}

/** The planner's answer: GPUs and utilization for the peak, the month's cost and the API comparison. */
export function CapacityResult({ r, targetUtilization }: { r: PlannerResult; targetUtilization: number }) {
  const c = r.api?.crossover;
  return (
    <section className="space-y-3" data-testid="capacity-result">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="GPUs needed" value={formatInt(r.gpus)} testId="gpus-needed" />
        <Stat label={`Utilization at peak (target ${formatPercent(targetUtilization, 0)})`} value={formatPercent(r.utilization)} testId="utilization" />
        <Stat label="Self-hosted per month" value={formatUsd(r.monthlyCostUsd)} testId="monthly-cost" />
        <Stat label="Self-hosted per 1M tokens" value={formatUnitUsd(r.selfHostUsdPer1M)} />
      </div>
      <p className="text-sm text-slate-600">
        {formatInt(r.replicas)} replica(s) serving {formatInt(r.loadTokensPerSecond)} tokens/s at peak ({formatInt(r.throughputPerGpu)} tokens/s per GPU at 100% busy), {formatCompact(r.monthlyTokens)} tokens a month.
      </p>
      {r.api && c && (
        <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="crossover">
          <p>
            The API at {formatUnitUsd(r.api.usdPer1M)}/1M (this mix) costs <strong>{formatUsd(r.api.monthlyCostUsd)}</strong> a month for the same tokens:{" "}
            <strong data-testid="cheaper">{r.api.cheaper === "self-hosted" ? "self-hosting is cheaper" : "the API is cheaper"}</strong>.
          </p>
          <p className="mt-1 text-slate-600">
            One replica costs {formatUsd(c.replicaMonthlyUsd)} a month for up to {formatCompact(c.replicaMonthlyTokens)} tokens;{" "}
            {c.crossoverTokensPerMonth === null
              ? `even full it costs ${formatUnitUsd(c.selfHostUsdPer1MAtCapacity)}/1M, more than the API: no crossover.`
              : `it beats the API from ${formatCompact(c.crossoverTokensPerMonth)} tokens a month (the crossover).`}
          </p>
        </div>
      )}
    </section>
  );
}
