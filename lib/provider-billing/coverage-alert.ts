import "server-only";
import { z } from "zod";
import type { AlertCondition, Evaluation } from "@/lib/alert-contract/condition";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/body";
import { reconcile } from "./reconcile";

/**
 * The attribution coverage alert: when the request-level ledger accounts for less than the set share
 * of what a provider billed over the last complete UTC day, an alert per provider ("coverage:<provider>")
 * holds until coverage is back above it. Off by default (no threshold). Stateless like every evaluator:
 * the alert store keeps the state.
 */
const DAY = 86_400_000;

export const coverageSettingSchema = z
  .object({
    threshold_percent: z
      .number({ error: "expected a percentage from 1 to 100, or null to switch the alert off" })
      .min(1, { error: "expected a percentage from 1 to 100, or null to switch the alert off" })
      .max(100, { error: "expected a percentage from 1 to 100, or null to switch the alert off" })
      .int({ error: "expected a whole percentage" })
      .nullable(),
  })
  .strict();

export async function getCoverageSetting(orgId: string): Promise<{ threshold_percent: number | null }> {
  const s = await db().coverageAlertSetting.findUnique({ where: { orgId } });
  return { threshold_percent: s?.thresholdPercent ?? null };
}

export async function setCoverageSetting(orgId: string, actor: string, body: unknown): Promise<{ threshold_percent: number | null }> {
  const r = coverageSettingSchema.safeParse(body);
  if (!r.success) throw new HttpError(422, "Invalid coverage alert setting.", r.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`));
  const before = await getCoverageSetting(orgId);
  const t = r.data.threshold_percent;
  await db().coverageAlertSetting.upsert({ where: { orgId }, create: { orgId, thresholdPercent: t }, update: { thresholdPercent: t } });
  await recordAudit({ orgId, actor, action: "coverage_alert.update", targetType: "coverage_alert", targetId: orgId, before, after: { threshold_percent: t } });
  return { threshold_percent: t };
}

/** The conditions of one organization now: one per provider whose coverage yesterday fell below the threshold. */
export async function evaluateCoverage(orgId: string, thresholdPercent: number | null, now: Date): Promise<Evaluation> {
  const conditions: AlertCondition[] = [];
  if (thresholdPercent !== null) {
    const to = new Date(Math.floor(now.getTime() / DAY) * DAY);
    const from = new Date(to.getTime() - DAY);
    const day = from.toISOString().slice(0, 10);
    const { rows } = await reconcile(orgId, { from, to, groupBy: ["provider"] });
    for (const r of rows) {
      if (r.coverage === null || r.coverage * 100 >= thresholdPercent) continue;
      const pct = Math.round(r.coverage * 1000) / 10;
      conditions.push({
        dedupKey: `coverage:${r.provider}`,
        kind: "coverage",
        severity: "warning",
        level: 1,
        title: `Only ${pct}% of ${r.provider}'s bill on ${day} is attributed (threshold ${thresholdPercent}%)`,
        scope: { provider: r.provider ?? "" },
        numbers: { threshold_percent: thresholdPercent, coverage_percent: pct, billed_usd: r.billed_usd, attributed_usd: r.attributed_usd, unattributed_usd: r.unattributed_usd, day },
        cause: [],
        url: `/reconciliation?from=${day}&to=${day}`,
        channelIds: [],
      });
    }
  }
  return { orgId, source: { type: "coverage", id: orgId }, conditions, evaluatedAt: now };
}

/** Every organization with a threshold set (and those that just switched it off, so their alerts clear). */
export async function evaluateAllCoverage(sink: (e: Evaluation) => Promise<void>, now = new Date()): Promise<number> {
  const settings = await db().coverageAlertSetting.findMany();
  for (const s of settings) await sink(await evaluateCoverage(s.orgId, s.thresholdPercent, now));
  return settings.length;
}
