import "server-only";
import { db } from "@/lib/db/prisma";
import type { Recommendation } from "@/lib/generated/prisma/client";
import type { Candidate, Confidence, RecommendationKind, RecommendationStatus } from "@/lib/recommendation-contract/candidate";
import type { Realized } from "./realized";

/** The stored recommendation as the API and pages show it: the finder's candidate, plus what the store keeps. */
export type RecommendationView = Candidate & {
  id: string;
  status: RecommendationStatus;
  dismiss_reason: string | null;
  stale: boolean;
  implemented_at: string | null;
  realized_savings_usd: string | null;
  realized: Realized | null;
  first_seen_at: string;
  last_seen_at: string;
};

const parse = <T>(s: string | null, fallback: T): T => {
  if (s === null) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
};

export function toView(r: Recommendation): RecommendationView {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind as RecommendationKind,
    scope: parse(r.scope, {}),
    title: r.title,
    evidence: parse(r.evidence, []),
    evidence_href: r.evidenceHref,
    monthly_savings_usd: r.monthlySavingsUsd,
    scenario: parse(r.scenario, null),
    savings_method: r.savingsMethod,
    confidence: r.confidence as Confidence,
    risk: r.risk,
    owner_team: r.ownerTeam,
    overlap_group: r.overlapGroup,
    status: r.status as RecommendationStatus,
    dismiss_reason: r.dismissReason,
    stale: r.stale,
    implemented_at: r.implementedAt?.toISOString() ?? null,
    realized_savings_usd: r.realizedSavingsUsd,
    realized: parse(r.realizedDetail, null),
    first_seen_at: r.firstSeenAt.toISOString(),
    last_seen_at: r.lastSeenAt.toISOString(),
  };
}

export type ListFilter = { status?: RecommendationStatus; kind?: RecommendationKind; feature?: string };

export async function listRecommendations(orgId: string, f: ListFilter = {}): Promise<RecommendationView[]> {
  const rows = await db().recommendation.findMany({
    where: { orgId, ...(f.status ? { status: f.status } : {}), ...(f.kind ? { kind: f.kind } : {}) },
    orderBy: [{ stale: "asc" }, { firstSeenAt: "asc" }],
  });
  const views = rows.map(toView);
  const filtered = f.feature ? views.filter((v) => v.scope.feature === f.feature) : views;
  return filtered.sort((a, b) => Number(b.monthly_savings_usd) - Number(a.monthly_savings_usd));
}

export async function getRecommendation(orgId: string, id: string): Promise<RecommendationView | null> {
  const r = await db().recommendation.findFirst({ where: { orgId, id } });
  return r ? toView(r) : null;
}

export type TimelineEntry = { at: string; actor: string; type: string; from_status: string | null; to_status: string | null; note: string | null };

export async function timelineOf(orgId: string, id: string): Promise<TimelineEntry[]> {
  const rows = await db().recommendationEvent.findMany({ where: { orgId, recommendationId: id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return rows.map((e) => ({ at: e.at.toISOString(), actor: e.actor, type: e.type, from_status: e.fromStatus, to_status: e.toStatus, note: e.note }));
}
