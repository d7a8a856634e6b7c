import "server-only";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { budgetEvaluation } from "./conditions";
import { listAllBudgets } from "./repository";
import { budgetStatuses } from "./status";

export type EvaluationSink = (e: Evaluation) => Promise<void>;

/**
 * One evaluation pass: every budget of every organization, statuses from grouped ledger reads, one
 * Evaluation per budget handed to the sink (also when no condition holds, so the store can resolve).
 * An organization that fails is logged and skipped; the others are still evaluated.
 */
export async function evaluateAllBudgets(sink: EvaluationSink, opts: { now?: Date; log?: (line: string) => void } = {}): Promise<{ budgets: number; conditions: number }> {
  const now = opts.now ?? new Date();
  let budgets = 0;
  let conditions = 0;
  for (const [orgId, list] of await listAllBudgets()) {
    try {
      const statuses = await budgetStatuses(orgId, list, { now });
      for (const b of statuses) {
        const e = budgetEvaluation(b, now);
        budgets++;
        conditions += e.conditions.length;
        await sink(e);
      }
    } catch (err) {
      opts.log?.(`budgets of org ${orgId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { budgets, conditions };
}
