import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { HttpError } from "@/lib/http/body";
import { notifyBudgetsChanged } from "./change-signal";
import { canonicalUsd } from "./money";
import { deleteBudgetRow, getBudget, insertBudget, listBudgets, updateBudgetRow, type BudgetData } from "./repository";
import { createBudgetSchema, issueLines, updateBudgetSchema } from "./schema";
import type { BudgetConfig } from "./types";

/**
 * Budget changes for the API, the CLI and the screens: validated, parent checked (same organization,
 * no cycle), written, audited, and the gateway check of this process told to rebuild.
 */

function invalid(details: string[]): HttpError {
  return new HttpError(422, "Invalid budget.", details);
}

async function checkParent(orgId: string, id: string | null, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  if (parentId === id) throw invalid(["parent_id: a budget cannot be its own parent"]);
  const all = new Map((await listBudgets(orgId)).map((b) => [b.id, b]));
  if (!all.has(parentId)) throw invalid([`parent_id: no budget "${parentId}" in this organization`]);
  for (let p: string | null = parentId, hops = 0; p !== null && hops < 1000; hops++) {
    if (p === id) throw invalid(["parent_id: that budget is nested inside this one (a cycle)"]);
    p = all.get(p)?.parentId ?? null;
  }
}

export async function createBudget(orgId: string, actor: string, body: unknown): Promise<BudgetConfig> {
  const parsed = createBudgetSchema.safeParse(body);
  if (!parsed.success) throw invalid(issueLines(parsed.error));
  const v = parsed.data;
  await checkParent(orgId, null, v.parent_id);
  const data: BudgetData = {
    name: v.name,
    scope: JSON.stringify(v.scope),
    amountUsd: canonicalUsd(v.amount_usd),
    period: v.period,
    timezone: v.timezone,
    fiscalYearStartMonth: v.fiscal_year_start_month,
    weekStartsOn: v.week_starts_on,
    thresholds: JSON.stringify(v.thresholds),
    forecastAlerts: v.forecast_alerts,
    blockAtPercent: v.block_at_percent,
    channelIds: JSON.stringify(v.channels),
    parentId: v.parent_id,
  };
  const created = await insertBudget(orgId, data);
  await recordAudit({ orgId, actor, action: "budget.create", targetType: "budget", targetId: created.id, after: created });
  notifyBudgetsChanged(orgId);
  return created;
}

export async function updateBudget(orgId: string, actor: string, id: string, body: unknown): Promise<BudgetConfig | null> {
  const parsed = updateBudgetSchema.safeParse(body);
  if (!parsed.success) throw invalid(issueLines(parsed.error));
  const before = await getBudget(orgId, id);
  if (!before) return null;
  const v = parsed.data;
  if (v.parent_id !== undefined) await checkParent(orgId, id, v.parent_id);
  const data: Partial<BudgetData> = {};
  if (v.name !== undefined) data.name = v.name;
  if (v.scope !== undefined) data.scope = JSON.stringify(v.scope);
  if (v.amount_usd !== undefined) data.amountUsd = canonicalUsd(v.amount_usd);
  if (v.period !== undefined) data.period = v.period;
  if (v.timezone !== undefined) data.timezone = v.timezone;
  if (v.fiscal_year_start_month !== undefined) data.fiscalYearStartMonth = v.fiscal_year_start_month;
  if (v.week_starts_on !== undefined) data.weekStartsOn = v.week_starts_on;
  if (v.thresholds !== undefined) data.thresholds = JSON.stringify(v.thresholds);
  if (v.forecast_alerts !== undefined) data.forecastAlerts = v.forecast_alerts;
  if (v.block_at_percent !== undefined) data.blockAtPercent = v.block_at_percent;
  if (v.channels !== undefined) data.channelIds = JSON.stringify(v.channels);
  if (v.parent_id !== undefined) data.parentId = v.parent_id;
  const after = await updateBudgetRow(orgId, id, data);
  if (!after) return null;
  await recordAudit({ orgId, actor, action: "budget.update", targetType: "budget", targetId: id, before, after });
  notifyBudgetsChanged(orgId);
  return after;
}

export async function deleteBudget(orgId: string, actor: string, id: string): Promise<boolean> {
  const before = await getBudget(orgId, id);
  if (!before || !(await deleteBudgetRow(orgId, id))) return false;
  await recordAudit({ orgId, actor, action: "budget.delete", targetType: "budget", targetId: id, before });
  notifyBudgetsChanged(orgId);
  return true;
}
