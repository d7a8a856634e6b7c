import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { budgetFormData } from "@/lib/budgets/page-data";
import { BudgetForm } from "@/components/budgets/budget-form";
import { createBudgetAction } from "../actions";

export const metadata: Metadata = { title: "New budget" };

export default async function NewBudgetPage() {
  const user = await requirePermission("budgets.manage");
  const data = await budgetFormData(user.orgId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New budget</h1>
      <BudgetForm action={createBudgetAction} {...data} />
    </div>
  );
}
