import "server-only";
import type { AlertCondition, Evaluation } from "@/lib/alert-contract/condition";
import { db } from "@/lib/db/prisma";
import { headroomBreaches, type HeadroomBreach } from "./headroom-breaches";
import { readHealthSettings } from "./settings";

export type EvaluationSink = (e: Evaluation) => Promise<void>;

const SOURCE = { type: "provider_health", id: "rate_limit_headroom" } as const;

/**
 * The conditions of one organization now. Always one Evaluation, also with no condition, so the
 * alert store resolves a headroom alert once the limit recovers.
 */
export async function headroomEvaluation(orgId: string, now: Date): Promise<Evaluation> {
  const s = await readHealthSettings(orgId);
  const breaches = await headroomBreaches(orgId, now, s.headroom_alert_percent, s.headroom_alert_minutes);
  return {
    orgId,
    source: SOURCE,
    evaluatedAt: now,
    conditions: breaches.map((b) => conditionOf(b, s.headroom_alert_percent, s.headroom_alert_minutes)),
  };
}

function conditionOf(b: HeadroomBreach, percent: number, minutes: number): AlertCondition {
  const exhausted = b.remaining === 0;
  const pct = (v: number) => Math.round(v * 1000) / 10;
  return {
    dedupKey: `rate_limit_headroom:${b.provider}:${b.model}:${b.kind}`,
    kind: "rate_limit_headroom",
    // Exhausted means calls are being refused (429) right now, not merely at risk.
    severity: exhausted ? "critical" : "warning",
    level: exhausted ? 2 : 1,
    title: `${b.provider} ${b.model}: ${b.kind} rate-limit headroom under ${percent}% for ${minutes} min (now ${pct(b.latest_share)}%)`,
    scope: { provider: b.provider, model: b.model },
    numbers: {
      threshold_percent: percent,
      minutes,
      latest_percent: pct(b.latest_share),
      min_percent: pct(b.min_share),
      remaining: b.remaining,
      limit: b.limit,
      reset_s: b.reset_s,
    },
    cause: [],
    url: `/providers?provider=${encodeURIComponent(b.provider)}`,
    channelIds: [],
  };
}

/** One pass over every organization; one that fails is logged and the others still evaluated. */
export async function evaluateAllHeadroom(sink: EvaluationSink, opts: { now?: Date; log?: (line: string) => void } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  let conditions = 0;
  for (const { id } of await db().organization.findMany({ select: { id: true } })) {
    try {
      const e = await headroomEvaluation(id, now);
      conditions += e.conditions.length;
      await sink(e);
    } catch (err) {
      opts.log?.(`headroom of org ${id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return conditions;
}
