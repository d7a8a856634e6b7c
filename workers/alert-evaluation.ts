import "server-only";
import { applyEvaluations } from "@/lib/alerts/apply-batch";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { makeBudgetEvaluationWorker } from "./budget-evaluation";
import { makeMonitorEvaluationWorker } from "./monitor-evaluation";

/**
 * The control loop: evaluators say which conditions hold now, the alert store turns that into alert
 * state and notifications. Evaluators never import the store; this file is the only place they meet.
 * Safe in several processes at once: applying the same evaluation twice opens and notifies once.
 */
const toAlertStore = async (e: Evaluation): Promise<void> => {
  await applyEvaluations([e]);
};

export const budgetAlertsWorker = makeBudgetEvaluationWorker(async (evaluations) => {
  await applyEvaluations(evaluations);
});
export const monitorAlertsWorker = makeMonitorEvaluationWorker(toAlertStore);
