import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { listBudgets } from "@/lib/budgets/repository";
import { budgetStatuses } from "@/lib/budgets/status";
import { BudgetsTable } from "@/components/budgets/budgets-table";

export const metadata: Metadata = { title: "Budgets" };
export const dynamic = "force-dynamic";

export default async function BudgetsPage() {
  const user = await requirePermission("budgets.view");
  const budgets = await budgetStatuses(user.orgId, await listBudgets(user.orgId));
  return <BudgetsTable budgets={budgets} editable={can(user.role, "budgets.manage")} />;
}
