import "server-only";
import { dimensionValuesSeen } from "./dimension-values";
import { listBudgets } from "./repository";

/** What the create and edit forms offer: ledger values per dimension, possible parents, time zones. */
export async function budgetFormData(orgId: string, exceptId?: string) {
  const [values, budgets] = await Promise.all([dimensionValuesSeen(orgId), listBudgets(orgId)]);
  return {
    values,
    parents: budgets.filter((b) => b.id !== exceptId).map((b) => ({ id: b.id, name: b.name })),
    timezones: ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")],
  };
}
