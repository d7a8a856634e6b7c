import "server-only";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { sloEvaluation } from "./conditions";
import { listAllEnabledSlos } from "./repository";
import { sloStatuses } from "./status-load";

export type EvaluationSink = (evaluations: Evaluation[]) => Promise<void>;

/**
 * One pass: every enabled SLO of every organization, its burn rates from the raw events, one
 * Evaluation per SLO (also when nothing fires, so the store resolves a cleared alert after its
 * hold-off), an organization's at once. A failing organization is logged and skipped.
 * Disabled and deleted SLOs are not evaluated: their open alerts stay until resolved by a person.
 */
export async function evaluateAllSlos(sink: EvaluationSink, opts: { now?: Date; log?: (line: string) => void } = {}): Promise<{ slos: number; conditions: number }> {
  const now = opts.now ?? new Date();
  let slos = 0;
  let conditions = 0;
  for (const [orgId, list] of await listAllEnabledSlos()) {
    try {
      const evaluations = (await sloStatuses(list, now)).map((s) => sloEvaluation(s, s.status, now));
      slos += evaluations.length;
      for (const e of evaluations) conditions += e.conditions.length;
      await sink(evaluations);
    } catch (err) {
      opts.log?.(`slos of org ${orgId}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { slos, conditions };
}
