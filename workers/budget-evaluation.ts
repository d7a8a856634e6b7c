import "server-only";
import { evaluateAllBudgets, type EvaluationSink } from "@/lib/budgets/evaluate";
import type { Worker } from "./types";

/**
 * Evaluates every budget every 15 s and hands each budget's conditions to the sink (the alert store
 * at merge). Stateless: a pass repeated after a restart hands over the same conditions.
 */
export function makeBudgetEvaluationWorker(sink: EvaluationSink): Worker {
  return {
    name: "budget-evaluation",
    intervalMs: 15_000,
    run: async ({ log }) => {
      await evaluateAllBudgets(sink, { log });
      return false;
    },
  };
}
