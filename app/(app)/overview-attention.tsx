import { checkBudgets, type CheckRequest } from "@/lib/budgets/check";
import { countAlertsByState, listAlerts } from "@/lib/alerts/queries";
import type { DimensionFilters } from "@/lib/analytics/filters";
import { BudgetsAlertsStrip } from "@/components/overview/budgets-alerts-strip";

/**
 * Budgets whose scope covers the view (each of the budget's dimensions is filtered to that one value)
 * and the open alerts. A failure here must not take the overview down with it: it renders nothing.
 */
export async function OverviewAttention({ orgId, filters }: { orgId: string; filters: DimensionFilters }) {
  const request: CheckRequest = {};
  for (const [dim, values] of Object.entries(filters)) if (values?.length === 1) request[dim as keyof CheckRequest] = values[0];
  try {
    const [check, counts, open] = await Promise.all([checkBudgets(orgId, request), countAlertsByState(orgId), listAlerts(orgId, { state: "open", limit: 3 })]);
    return (
      <BudgetsAlertsStrip
        budgets={check.budgets}
        openCount={counts.open}
        alerts={open.alerts.map((a) => ({ id: a.id, title: a.title, severity: a.severity }))}
      />
    );
  } catch (err) {
    console.error("[overview.attention]", err);
    return null;
  }
}
