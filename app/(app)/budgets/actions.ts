"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOf } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { budgetFormResult, type BudgetFormState } from "@/lib/budgets/form-result";
import { budgetBodyFromForm } from "@/lib/budgets/form-body";
import { createBudget, deleteBudget, updateBudget } from "@/lib/budgets/service";
import { formOf } from "@/lib/http/action-form";

/** Server actions of the budget screens; each checks budgets.manage itself (finance, admin). */

export async function createBudgetAction(_prev: BudgetFormState, input: unknown): Promise<BudgetFormState> {
  const user = await assertPermission("budgets.manage");
  const result = await budgetFormResult(() => createBudget(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), budgetBodyFromForm(formOf(input))));
  if (!result.ok || !result.id) return result;
  revalidatePath("/budgets");
  redirect(`/budgets/${result.id}`);
}

export async function updateBudgetAction(_prev: BudgetFormState, input: unknown): Promise<BudgetFormState> {
  const user = await assertPermission("budgets.manage");
  const form = formOf(input);
  const id = String(form.get("id") ?? "");
  const result = await budgetFormResult(() => updateBudget(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), id, budgetBodyFromForm(form)));
  if (!result.ok || !result.id) return result;
  revalidatePath("/budgets");
  redirect(`/budgets/${result.id}`);
}

export async function deleteBudgetAction(input: unknown): Promise<void> {
  const user = await assertPermission("budgets.manage");
  await deleteBudget(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), String(formOf(input).get("id") ?? ""));
  revalidatePath("/budgets");
  redirect("/budgets");
}
