import "server-only";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { evaluateAllMonitors } from "@/lib/monitors/evaluate";
import type { Worker } from "./types";

/** Often enough that a spike acknowledged by ingest is a condition well within a minute. */
export const MONITOR_EVALUATION_INTERVAL_MS = 15_000;

/**
 * Every monitor of every organization, once per interval; each evaluation goes to `sink` (the alert
 * store's applyEvaluation, wired by the registry). Never busy: one pass per tick.
 */
export function makeMonitorEvaluationWorker(sink: (e: Evaluation) => Promise<void>, now: () => Date = () => new Date()): Worker {
  return {
    name: "monitor-evaluation",
    intervalMs: MONITOR_EVALUATION_INTERVAL_MS,
    run: async ({ log }) => {
      await evaluateAllMonitors(sink, now(), log);
      return false;
    },
  };
}
