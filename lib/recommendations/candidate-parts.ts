import type { Candidate, Confidence, Evidence, FinderContext, RecommendationKind } from "@/lib/recommendation-contract/candidate";
import type { Scenario, ScenarioChange } from "@/lib/whatif-contract/scenario";
import { picoToUsdString } from "@/lib/money/pico";
import type { TrafficRow } from "./traffic-profile";

/** Small shared pieces of the API-traffic finders: keys, groups, links, scaling, number formats. */

export const DAY_MS = 86_400_000;
export const MONTH_MS = 30 * DAY_MS;

/** One lever per feature and model at a time: every API-traffic lever on this spend shares this group. */
export function overlapGroupOf(r: Pick<TrafficRow, "feature" | "model">): string {
  return `feature:${r.feature}|model:${r.model}`;
}

export function keyOf(kind: RecommendationKind, r: Pick<TrafficRow, "provider" | "model" | "feature">): string {
  return `${kind}|${r.provider}|${r.model}|${r.feature}`;
}

export function scopeOf(r: Pick<TrafficRow, "provider" | "model" | "feature">): Record<string, string> {
  return { feature: r.feature, provider: r.provider, model: r.model };
}

/** The overview filtered to the candidate's spend over the finder window. */
export function evidenceHref(r: Pick<TrafficRow, "provider" | "model" | "feature">, ctx: FinderContext): string {
  const sp = new URLSearchParams();
  sp.set("from", ctx.from.toISOString().slice(0, 10));
  sp.set("to", new Date(ctx.to.getTime() - 1).toISOString().slice(0, 10));
  sp.set("feature", r.feature);
  sp.set("model", r.model);
  sp.set("provider", r.provider);
  return `/?${sp.toString()}`;
}

export function scenarioFor(r: Pick<TrafficRow, "provider" | "model" | "feature">, ctx: FinderContext, change: ScenarioChange, from = ctx.from): Scenario {
  return { from: from.toISOString(), to: ctx.to.toISOString(), scope: { feature: r.feature, provider: r.provider, model: r.model }, change };
}

/** pico-dollars over the window scaled to 30 days, as an exact decimal string. */
export function monthlyUsd(pico: bigint, ctx: FinderContext): string {
  const span = BigInt(Math.max(1, ctx.to.getTime() - ctx.from.getTime()));
  return picoToUsdString((pico * BigInt(MONTH_MS)) / span);
}

export const usd = (pico: bigint) => `$${Number(picoToUsdString(pico)).toFixed(2)}`;
export const int = (n: number) => Math.round(n).toLocaleString("en-US");
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Figures below this are noise next to the effort of any change. */
export const MIN_MONTHLY_SAVINGS_USD = 5;

export function worthIt(monthlyUsdText: string): boolean {
  return Number(monthlyUsdText) >= MIN_MONTHLY_SAVINGS_USD;
}

type Parts = {
  kind: RecommendationKind;
  row: TrafficRow;
  ctx: FinderContext;
  title: string;
  evidence: Evidence[];
  monthly: string;
  scenario: Scenario | null;
  method: string;
  confidence: Confidence;
  risk: string;
};

export function candidate(p: Parts): Candidate {
  return {
    kind: p.kind,
    key: keyOf(p.kind, p.row),
    scope: scopeOf(p.row),
    title: p.title,
    evidence: p.evidence,
    evidence_href: evidenceHref(p.row, p.ctx),
    monthly_savings_usd: p.monthly,
    scenario: p.scenario,
    savings_method: p.method,
    confidence: p.confidence,
    risk: p.risk,
    owner_team: p.row.team || null,
    overlap_group: overlapGroupOf(p.row),
  };
}

export const REPLAY_METHOD = "What-if replay of the window's events under the scenario, scaled to 30 days.";
