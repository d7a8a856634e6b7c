import "server-only";
/**
 * A deployment's measured price over a window, for the self_host scenario: the usage-basis cost and
 * the tokens its servers counted in the window's measured hours, split into input and output rates
 * the way the ledger prices each hour (lib/selfhosted/measured-rate.ts rateFromTotals). Hours without
 * GPU samples or utilization are left out, as the ledger leaves their events unpriced.
 */
import { HttpError } from "@/lib/http/body";
import { addTotals, emptyTotals, type CostTotals } from "@/lib/selfhosted/cost";
import { rateFromTotals, type MeasuredRate } from "@/lib/selfhosted/measured-rate";
import { gpuRowTotals, loadDeploymentData, servingTotals } from "@/lib/selfhosted/report";

const hourMs = (h: string) => Date.parse(h.replace(" ", "T").slice(0, 19) + "Z");

export async function deploymentRate(orgId: string, deployment: string, fromMs: number, toMs: number): Promise<MeasuredRate> {
  const [data] = await loadDeploymentData(orgId, fromMs, toMs, deployment);
  if (!data) throw new HttpError(422, "Unknown deployment.", [`change.deployment: no self-hosted deployment named or with id "${deployment}"`]);
  const hours = new Map<number, CostTotals>();
  const add = (h: number, t: CostTotals) => hours.set(h, addTotals(hours.get(h) ?? emptyTotals(), t));
  for (const r of data.gpu) add(hourMs(r.hour), gpuRowTotals(data.deployment, r));
  for (const s of data.serving) add(hourMs(s.hour), servingTotals([s]));
  let total = emptyTotals();
  for (const t of hours.values()) {
    if (t.gpuMs > 0 && rateFromTotals(t, "") !== null) total = addTotals(total, t);
  }
  const rate = total.gpuMs > 0 ? rateFromTotals(total, `selfhosted:${data.deployment.name}@window`) : null;
  if (!rate) {
    throw new HttpError(422, "The deployment has no measured rate.", [
      `change.deployment: "${data.deployment.name}" has no measured cost per token in the window (no hour with GPU samples, utilization and served tokens)`,
    ]);
  }
  return rate;
}
