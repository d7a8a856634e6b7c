import "server-only";
import { applyEvaluation } from "@/lib/alerts/apply";
import { evaluateAllCoverage } from "@/lib/provider-billing/coverage-alert";
import type { Worker } from "./types";

/**
 * Attribution coverage alerts: each organization's coverage over the last complete day against its
 * threshold, handed to the alert store. Once a minute is plenty for a daily figure, and a pass
 * repeated after a restart notifies nobody twice.
 */
export const coverageAlertsWorker: Worker = {
  name: "coverage-evaluation",
  intervalMs: 60_000,
  run: async () => {
    await evaluateAllCoverage(async (e) => {
      await applyEvaluation(e);
    });
    return false;
  },
};
