import "server-only";
import { db } from "@/lib/db/prisma";
import type { Candidate, Finder, FinderContext } from "@/lib/recommendation-contract/candidate";
import { DAY_MS } from "./candidate-parts";
import { FINDERS } from "./finders";
import { listFeatureSettings } from "./feature-settings";
import { realizedSavings } from "./realized";

/** The window every finder looks at: the last 30 days, like the what-if replay's default. */
export const WINDOW_DAYS = 30;

export type RecomputeResult = { found: number; opened: number; stale: number; verified: number; failed_finders: string[] };
type Options = { now?: Date; finders?: Finder[]; log?: (line: string) => void };

const running = new Map<string, Promise<RecomputeResult>>();

/**
 * Runs every finder and stores what they found: upsert by key, keeping the status a person gave; a
 * recommendation no longer found is marked stale (kept, with its history) unless it was implemented,
 * where disappearing is the expected outcome; implemented ones get their realized savings. Two calls
 * for one organization at once share one pass (the refresh button and the daily worker).
 */
export function recomputeRecommendations(orgId: string, opts: Options = {}): Promise<RecomputeResult> {
  const inFlight = running.get(orgId);
  if (inFlight) return inFlight;
  const p = run(orgId, opts).finally(() => running.delete(orgId));
  running.set(orgId, p);
  return p;
}

async function run(orgId: string, opts: Options): Promise<RecomputeResult> {
  const now = opts.now ?? new Date();
  const to = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const ctx: FinderContext = { orgId, from: new Date(to.getTime() - WINDOW_DAYS * DAY_MS), to, now };
  const failed: string[] = [];
  const found = new Map<string, Candidate>();
  for (const finder of opts.finders ?? FINDERS) {
    try {
      for (const c of await finder(ctx)) if (!found.has(c.key)) found.set(c.key, c);
    } catch (err) {
      // One broken finder must not hide what the others found, nor mark their candidates stale.
      failed.push(finder.name || "finder");
      opts.log?.(`recommendations: ${finder.name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const owners = new Map((await listFeatureSettings(orgId)).filter((s) => s.owner_team).map((s) => [s.feature, s.owner_team!]));
  const existing = new Map((await db().recommendation.findMany({ where: { orgId } })).map((r) => [r.key, r]));
  let opened = 0;
  for (const c of found.values()) {
    const data = {
      kind: c.kind,
      scope: JSON.stringify(c.scope),
      title: c.title,
      evidence: JSON.stringify(c.evidence),
      evidenceHref: c.evidence_href,
      monthlySavingsUsd: c.monthly_savings_usd,
      scenario: c.scenario ? JSON.stringify(c.scenario) : null,
      savingsMethod: c.savings_method,
      confidence: c.confidence,
      risk: c.risk,
      ownerTeam: (c.scope.feature && owners.get(c.scope.feature)) || c.owner_team,
      overlapGroup: c.overlap_group,
      stale: false,
      lastSeenAt: now,
    };
    const prev = existing.get(c.key);
    if (!prev) {
      const created = await db().recommendation.create({ data: { orgId, key: c.key, ...data, firstSeenAt: now } });
      await db().recommendationEvent.create({ data: { orgId, recommendationId: created.id, at: now, actor: "system", type: "opened", toStatus: "open" } });
      opened++;
      continue;
    }
    await db().recommendation.update({ where: { id: prev.id }, data });
    if (prev.stale) await db().recommendationEvent.create({ data: { orgId, recommendationId: prev.id, at: now, actor: "system", type: "refound", note: "found again" } });
  }
  let stale = 0;
  for (const r of existing.values()) {
    if (found.has(r.key) || r.stale || r.status === "implemented" || r.status === "verified") continue;
    // A failing finder says nothing about its kind: do not mark those stale.
    if (failed.length > 0) continue;
    await db().recommendation.update({ where: { id: r.id }, data: { stale: true } });
    await db().recommendationEvent.create({ data: { orgId, recommendationId: r.id, at: now, actor: "system", type: "stale", note: "no longer found by the last recomputation" } });
    stale++;
  }
  const verified = await updateRealized(orgId, now);
  return { found: found.size, opened, stale, verified, failed_finders: failed };
}

/** Realized savings of every implemented recommendation; "verified" once positive after a week. */
export async function updateRealized(orgId: string, now: Date): Promise<number> {
  let verified = 0;
  const rows = await db().recommendation.findMany({ where: { orgId, status: { in: ["implemented", "verified"] }, implementedAt: { not: null } } });
  for (const r of rows) {
    const feature = (JSON.parse(r.scope) as Record<string, string>).feature;
    if (!feature) continue;
    const real = await realizedSavings(orgId, feature, r.implementedAt!, now);
    const toVerified = r.status === "implemented" && real.verified;
    await db().recommendation.update({
      where: { id: r.id },
      data: { realizedSavingsUsd: real.realized_monthly_usd, realizedDetail: JSON.stringify(real), ...(toVerified ? { status: "verified" } : {}) },
    });
    if (toVerified) {
      verified++;
      await db().recommendationEvent.create({
        data: { orgId, recommendationId: r.id, at: now, actor: "system", type: "status", fromStatus: "implemented", toStatus: "verified", note: `realized $${real.realized_monthly_usd}/month after ${real.after_days} days` },
      });
    }
  }
  return verified;
}
