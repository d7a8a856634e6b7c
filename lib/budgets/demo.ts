import "server-only";
import { eventWriter } from "@/lib/ingest/writer";
import { insertBudget, type BudgetData } from "./repository";
import { budgetStatuses } from "./status";
import type { BudgetConfig } from "./types";

/**
 * The demo organization's budgets, sized from its seeded spend so each tells its story on any day of
 * the month: the organization's monthly budget, support's team budget inside it near its limit,
 * growth's forecast to overrun, and platform's weekly budget on track.
 */
export async function seedDemoBudgets(orgId: string, now = new Date()): Promise<number> {
  await eventWriter().drain();
  const draft = (name: string, scope: Record<string, string>, period: string): BudgetConfig => ({
    id: name, orgId, name, scope, amountUsd: "1", period: period as BudgetConfig["period"], timezone: "UTC", fiscalYearStartMonth: 1, weekStartsOn: 1,
    thresholds: [50, 75, 90, 100], forecastAlerts: true, blockAtPercent: 100, channelIds: [], parentId: null, createdAt: now.toISOString(), updatedAt: now.toISOString(),
  });
  const drafts = [draft("Organization monthly", {}, "month"), draft("Support team", { team: "support" }, "month"), draft("Growth team", { team: "growth" }, "month"), draft("Platform weekly", { team: "platform" }, "week")];
  const [org, support, growth, platform] = (await budgetStatuses(orgId, drafts, { now })).map((b) => b.status);
  const dollars = (x: number) => (Math.max(1, Math.ceil(x * 100)) / 100).toFixed(2);
  const data = (name: string, scope: Record<string, string>, amount: string, period: string, parentId: string | null = null): BudgetData => ({
    name, scope: JSON.stringify(scope), amountUsd: amount, period, timezone: "UTC", fiscalYearStartMonth: 1, weekStartsOn: 1,
    thresholds: "[50,75,90,100]", forecastAlerts: true, blockAtPercent: 100, channelIds: "[]", parentId,
  });
  const top = await insertBudget(orgId, data("Organization monthly", {}, dollars(Math.max(org.forecastHighUsd, Number(org.spentUsd)) * 1.15), "month"));
  // 92% used: past the 90% threshold, not yet over
  await insertBudget(orgId, data("Support team", { team: "support" }, dollars(Number(support.spentUsd) / 0.92), "month", top.id));
  // between what is spent and what the forecast says: under now, over by the period end
  const g = Number(growth.spentUsd);
  await insertBudget(orgId, data("Growth team", { team: "growth" }, dollars(Math.max(g * 1.02, g + (growth.forecastUsd - g) * 0.7)), "month", top.id));
  await insertBudget(orgId, data("Platform weekly", { team: "platform" }, dollars(Math.max(platform.forecastHighUsd, 1) * 1.5), "week"));
  return 4;
}
