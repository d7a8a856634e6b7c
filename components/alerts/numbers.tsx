import type { AlertCondition } from "@/lib/alert-contract/condition";
import { formatUsd } from "@/components/format";

/** Money-like numbers (names ending in _usd, or the spend figures anomalies carry) read as dollars. */
const MONEY = /(_usd$|^actual$|^expected$|^band$|^spent|^forecast|^amount|^threshold_usd$)/;

function show(key: string, v: AlertCondition["numbers"][string]): string {
  if (v === null) return "—";
  if (Array.isArray(v)) return v.map((x) => show(key, x)).join(" – ");
  if (typeof v === "number") return MONEY.test(key) ? formatUsd(v) : String(Number(v.toPrecision(6)));
  return v;
}

export function Numbers({ numbers }: { numbers: AlertCondition["numbers"] }) {
  const entries = Object.entries(numbers);
  if (entries.length === 0) return null;
  return (
    <dl data-testid="alert-numbers" className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-4">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt className="text-xs uppercase tracking-wide text-slate-500">{k.replace(/_/g, " ")}</dt>
          <dd className="text-lg font-semibold tabular-nums">{show(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
