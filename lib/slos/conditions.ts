/**
 * An SLO's status as alert conditions: at most one "slo_burn" alert per SLO, critical while a page row
 * of the burn table fires, warning while only the ticket row does. Stateless; the alert store keeps
 * state and resolves the alert after its hold-off once no row fires.
 */
import type { AlertCondition, Evaluation } from "@/lib/alert-contract/condition";
import type { SloConfig, SloStatus } from "./types";
import { describeObjective } from "./describe";

export function sloDedupKey(sloId: string): string {
  return `slo:${sloId}`;
}

const round = (x: number | null) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 100) / 100);

export function sloConditions(slo: SloConfig, s: SloStatus): AlertCondition[] {
  if (!s.firing.length) return [];
  const critical = s.firing.filter((f) => f.severity === "critical");
  const rule = (critical.length ? critical : s.firing).sort((a, b) => b.longBurn - a.longBurn)[0];
  return [
    {
      dedupKey: sloDedupKey(slo.id),
      kind: "slo_burn",
      severity: rule.severity,
      level: rule.severity === "critical" ? 2 : 1,
      title: `SLO "${slo.name}" burning its error budget ${round(rule.longBurn)}x over ${rule.long} (${rule.name}; ${describeObjective(slo)})`,
      scope: { ...slo.scope },
      numbers: {
        target: slo.target,
        burn_factor: rule.factor,
        [`burn_${rule.long}`]: round(rule.longBurn),
        [`burn_${rule.short}`]: round(rule.shortBurn),
        attainment: s.attainment === null ? null : Math.round(s.attainment * 1e6) / 1e4,
        budget_remaining: round(s.budgetRemaining === null ? null : s.budgetRemaining * 100),
      },
      cause: [],
      url: `/slos/${slo.id}`,
      channelIds: [],
    },
  ];
}

export function sloEvaluation(slo: SloConfig, s: SloStatus, now: Date): Evaluation {
  return { orgId: slo.orgId, source: { type: "slo", id: slo.id }, conditions: sloConditions(slo, s), evaluatedAt: now };
}
