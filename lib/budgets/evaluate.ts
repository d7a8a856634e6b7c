import "server-only";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { budgetEvaluation } from "./conditions";
import { listAllBudgets } from "./repository";
import { budgetStatuses } from "./status";
import { yieldEvery } from "@/lib/scheduling/yield-slices";

/** Takes one organization's evaluations of a pass at once, so the store can tell the unchanged ones from one read. */
export type EvaluationSink = (evaluations: Evaluation[]) => Promise<void>;

/**
 * One evaluation pass: every budget of every organization, statuses from grouped ledger reads, one
 * Evaluation per budget, an organization's at once, handed to the sink (also when no condition holds, so the store can resolve).
 * An organization that fails is logged and skipped; the others are still evaluated.
 */
export async function evaluateAllBudgets(sink: EvaluationSink, opts: { now?: Date; log?: (line: string) => void } = {}): Promise<{ budgets: number; conditions: number }> {
  const now = opts.now ?? new Date();
  let budgets = 0;
  let conditions = 0;
  const pause = yieldEvery(); // the server's thread, in embedded mode
  for (const [orgId, list] of await listAllBudgets()) {
    try {
      const evaluations: Evaluation[] = [];
      for (const b of await budgetStatuses(orgId, list, { now })) {
        evaluations.push(budgetEvaluation(b, now));
        await pause();
      }
      budgets += evaluations.length;
      for (const e of evaluations) conditions += e.conditions.length;
      await sink(evaluations);
    } catch (err) {
      opts.log?.(`budgets of org ${orgId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { budgets, conditions };
}
