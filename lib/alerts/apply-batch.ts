import "server-only";
import { db } from "@/lib/db/prisma";
import { readInPages } from "@/lib/db/read-in-pages";
import type { Alert } from "@/lib/generated/prisma/client";
import type { Evaluation } from "@/lib/alert-contract/condition";
import { applyEvaluation, isUnchanged, strongestPerKey } from "./apply";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { scopedKey, severityRank } from "./payload";

/**
 * The alert store's sink for a whole pass of one evaluator (every budget of an organization, say).
 * Most evaluations of a pass change nothing: their alerts are exactly as the last pass left them. Those
 * are recognised from one read of the organization's active and latched alerts; only the others go
 * through applyEvaluation, one transaction per alert as before. Reading per evaluation cost four
 * queries each (about 8 s of the server's thread per pass at 1,000 budgets, during which it answered
 * no request); and between evaluations that do write, the thread is handed back every few
 * milliseconds (lib/scheduling/yield-slices.ts).
 */

export async function applyEvaluations(evaluations: Evaluation[]): Promise<{ applied: number; unchanged: number }> {
  let applied = 0;
  let unchanged = 0;
  const pause = yieldEvery();
  for (const [orgId, list] of byOrganization(evaluations)) {
    const known = await liveAlerts(orgId, new Set(list.map((e) => e.source.type)), pause);
    for (const e of list) {
      if (isQuiet(e, known)) {
        unchanged++;
        continue;
      }
      await applyEvaluation(e);
      applied++;
      await pause();
    }
  }
  return { applied, unchanged };
}

function byOrganization(evaluations: Evaluation[]): Map<string, Evaluation[]> {
  const out = new Map<string, Evaluation[]>();
  for (const e of evaluations) out.set(e.orgId, [...(out.get(e.orgId) ?? []), e]);
  return out;
}

const LIVE_PAGE = 100;

type Known = { byActiveKey: Map<string, Alert>; byLatchKey: Map<string, Alert>; bySource: Map<string, Alert[]> };

/** The organization's alerts that a pass can change: active ones, and resolved ones still latched. */
async function liveAlerts(orgId: string, sourceTypes: Set<string>, pause: () => Promise<void>): Promise<Known> {
  const where = { orgId, sourceType: { in: [...sourceTypes] }, OR: [{ activeKey: { not: null } }, { latchKey: { not: null } }] };
  const rows = await readInPages((page) => db().alert.findMany({ where, orderBy: { id: "asc" }, ...page }), LIVE_PAGE, pause);
  const known: Known = { byActiveKey: new Map(), byLatchKey: new Map(), bySource: new Map() };
  for (const a of rows) {
    if (a.activeKey) known.byActiveKey.set(a.activeKey, a);
    if (a.latchKey) known.byLatchKey.set(a.latchKey, a);
    const k = `${a.sourceType}\u0000${a.sourceId}`;
    known.bySource.set(k, [...(known.bySource.get(k) ?? []), a]);
  }
  return known;
}

/**
 * True when applyEvaluation would write nothing: every condition's alert is active and unchanged (or
 * latched by a person and no worse), and the source has no active or latched alert whose condition is gone.
 */
function isQuiet(e: Evaluation, known: Known): boolean {
  const conditions = strongestPerKey(e.conditions);
  const present = new Set(conditions.map((c) => c.dedupKey));
  for (const c of conditions) {
    const key = scopedKey(e.orgId, c.dedupKey);
    const active = known.byActiveKey.get(key);
    if (active) {
      if (!isUnchanged(active, c)) return false;
      continue;
    }
    const latched = known.byLatchKey.get(key);
    if (!latched || c.level > latched.level || severityRank(c.severity) > severityRank(latched.severity)) return false;
  }
  for (const a of known.bySource.get(`${e.source.type}\u0000${e.source.id}`) ?? []) if (!present.has(a.dedupKey)) return false;
  return true;
}
