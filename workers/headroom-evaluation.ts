import "server-only";
import { applyEvaluation } from "@/lib/alerts/apply";
import { evaluateAllHeadroom } from "@/lib/provider-health/headroom-alerts";
import type { Worker } from "./types";

/**
 * Every minute: which provider rate limits have stayed under the organization's headroom share, handed
 * to the alert store (which opens, escalates and resolves; repeating a pass notifies nobody twice).
 */
export const headroomAlertsWorker: Worker = {
  name: "headroom-evaluation",
  intervalMs: 60_000,
  run: async ({ log }) => {
    await evaluateAllHeadroom(async (e) => {
      await applyEvaluation(e);
    }, { log });
    return false;
  },
};
