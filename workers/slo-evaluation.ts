import "server-only";
import { applyEvaluations } from "@/lib/alerts/apply-batch";
import { evaluateAllSlos } from "@/lib/slos/evaluate";
import type { Worker } from "./types";

/**
 * Evaluates every enabled SLO's burn rates every 30 s and hands the conditions to the alert store
 * (slo_burn alerts). 30 s keeps a page within a minute of the 5-minute window crossing its factor.
 */
export const sloAlertsWorker: Worker = {
  name: "slo-evaluation",
  intervalMs: 30_000,
  run: async ({ log }) => {
    await evaluateAllSlos(async (evaluations) => {
      await applyEvaluations(evaluations);
    }, { log });
    return false;
  },
};
