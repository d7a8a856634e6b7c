import "server-only";
import { HttpError } from "@/lib/http/body";
import type { BudgetConfig } from "./types";

export type BudgetFormState = { ok: boolean; message: string; errors?: string[]; id?: string };

/** A service call as the form's state: validation errors listed by field, anything else rethrown. */
export async function budgetFormResult(run: () => Promise<BudgetConfig | null>): Promise<BudgetFormState> {
  try {
    const b = await run();
    return b ? { ok: true, message: "Saved.", id: b.id } : { ok: false, message: "That budget no longer exists." };
  } catch (err) {
    if (err instanceof HttpError) return { ok: false, message: "The budget was not saved.", errors: err.details.length ? err.details : [err.message] };
    throw err;
  }
}
