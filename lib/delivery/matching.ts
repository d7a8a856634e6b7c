import { SEVERITY_RANK, type ScopeMatcher } from "./types";
import type { AlertPayload, Severity } from "@/lib/alert-contract/condition";

/**
 * Pure matching of routing rules and silences against an alert. A scope matcher names dimension
 * values the alert's scope must carry: {team: "support"} matches an alert scoped to team=support
 * (with or without more filters) and not an organization-wide alert. {} matches everything.
 */

export function scopeMatches(matcher: ScopeMatcher, scope: Record<string, string>): boolean {
  return Object.entries(matcher).every(([dim, value]) => scope[dim] === value);
}

export function kindMatches(kinds: readonly string[], kind: string): boolean {
  return kinds.length === 0 || kinds.includes(kind);
}

export type RuleLike = { kinds: readonly string[]; minSeverity: Severity; scope: ScopeMatcher };

export function ruleMatches(rule: RuleLike, alert: Pick<AlertPayload, "kind" | "severity" | "scope">): boolean {
  return kindMatches(rule.kinds, alert.kind) && SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[rule.minSeverity] && scopeMatches(rule.scope, alert.scope);
}

export type SilenceLike = { scope: ScopeMatcher; kinds: readonly string[]; expiresAt: Date };

export function silenceMatches(silence: SilenceLike, alert: Pick<AlertPayload, "kind" | "scope">, now: Date): boolean {
  return silence.expiresAt.getTime() > now.getTime() && kindMatches(silence.kinds, alert.kind) && scopeMatches(silence.scope, alert.scope);
}

/**
 * The channels an alert goes to when its source names none: a channel with rules receives what any
 * of its rules matches; a channel without rules receives every alert (so a new channel works at once).
 */
export function routeToChannels(channelIds: readonly string[], rules: readonly (RuleLike & { channelId: string })[], alert: Pick<AlertPayload, "kind" | "severity" | "scope">): string[] {
  return channelIds.filter((id) => {
    const own = rules.filter((r) => r.channelId === id);
    return own.length === 0 || own.some((r) => ruleMatches(r, alert));
  });
}
