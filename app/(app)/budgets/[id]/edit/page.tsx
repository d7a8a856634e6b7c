import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { budgetFormData } from "@/lib/budgets/page-data";
import { getBudget } from "@/lib/budgets/repository";
import { BudgetForm } from "@/components/budgets/budget-form";
import { updateBudgetAction } from "../../actions";

export const metadata: Metadata = { title: "Edit budget" };

export default async function EditBudgetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("budgets.manage");
  const budget = await getBudget(user.orgId, (await params).id);
  if (!budget) notFound();
  const data = await budgetFormData(user.orgId, budget.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Edit {budget.name}</h1>
      <BudgetForm action={updateBudgetAction} budget={budget} {...data} />
    </div>
  );
}
