import "server-only";
/**
 * The measured rates of every deployment of an organization for the closed hours of a range, read
 * from the GPU and serving samples (one pair of queries per deployment, never per event), for the
 * ledger's re-cost of those hours.
 */
import { addTotals, emptyTotals, type CostTotals } from "./cost";
import { HOUR_MS, rateFromTotals, type MeasuredRate, type MeasuredRates } from "./measured-rate";
import { gpuRowTotals, loadDeploymentData, servingTotals } from "./report";

/** An hour is priced only once it ended this long ago, so the last scrapes of it are in. */
export function closeGraceMs(): number {
  const min = Number(process.env.SELFHOSTED_PRICE_GRACE_MIN ?? "15");
  return (Number.isFinite(min) && min >= 0 ? min : 15) * 60_000;
}

const hourMs = (h: string) => Date.parse(h.replace(" ", "T").slice(0, 19) + "Z");

/** Rates of the hours in [fromMs, toMs) that ended at least closeGraceMs() before nowMs. */
export async function measuredRates(orgId: string, fromMs: number, toMs: number, nowMs = Date.now()): Promise<MeasuredRates> {
  const out: MeasuredRates = new Map();
  const closedBefore = Math.floor((nowMs - closeGraceMs()) / HOUR_MS) * HOUR_MS;
  const from = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
  const to = Math.min(Math.ceil(toMs / HOUR_MS) * HOUR_MS, closedBefore);
  if (!(from < to)) return out;
  const data = await loadDeploymentData(orgId, from, to);
  for (const { deployment: d, gpu, serving } of data) {
    const hours = new Map<number, CostTotals>();
    const add = (h: number, t: CostTotals) => hours.set(h, addTotals(hours.get(h) ?? emptyTotals(), t));
    for (const r of gpu) add(hourMs(r.hour), gpuRowTotals(d, r));
    for (const s of serving) add(hourMs(s.hour), servingTotals([s]));
    const perHour = new Map<number, MeasuredRate>();
    for (const [h, t] of hours) {
      // an hour with tokens but no GPU samples has no measured cost yet: unpriced, not $0
      if (t.gpuMs <= 0) continue;
      const rate = rateFromTotals(t, `selfhosted:${d.name}@${new Date(h).toISOString().slice(0, 13)}`);
      if (rate) perHour.set(h, rate);
    }
    out.set(d.name, perHour);
  }
  return out;
}
