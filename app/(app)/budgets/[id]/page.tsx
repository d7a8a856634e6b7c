import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { budgetChartSeries } from "@/lib/budgets/daily-series";
import { getBudget } from "@/lib/budgets/repository";
import { budgetStatuses } from "@/lib/budgets/status";
import { BudgetDetail } from "@/components/budgets/budget-detail";
import { deleteBudgetAction } from "../actions";

export const metadata: Metadata = { title: "Budget" };
export const dynamic = "force-dynamic";

export default async function BudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("budgets.view");
  const budget = await getBudget(user.orgId, (await params).id);
  if (!budget) notFound();
  const [withStatus] = await budgetStatuses(user.orgId, [budget]);
  const points = await budgetChartSeries(withStatus);
  return <BudgetDetail budget={withStatus} points={points} editable={can(user.role, "budgets.manage")} deleteAction={deleteBudgetAction} />;
}
