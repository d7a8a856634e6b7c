import "server-only";
import { DIMENSIONS, MAX_DIMENSION_VALUE_LENGTH, type Dimension } from "@/lib/domain/event";
import { onBudgetsChanged } from "./change-signal";
import { buildCheckSnapshot, type CheckSnapshot } from "./check-snapshot";
import { covers } from "./config";

/**
 * The gateway check, answered from memory. Each process keeps a snapshot of every budget's spend in
 * its current period (check-snapshot.ts), rebuilt from the ledger (one grouped query per set of scope dimensions): in the
 * background once it is older than REFRESH_MS, before answering once it is older than MAX_AGE_MS or a
 * budget changed in this process. No counter lives in a process, so every process answers the same
 * from the same ledger, at most MAX_AGE_MS behind; `as_of` says how fresh the answer is.
 */

export const REFRESH_MS = 5_000;
export const MAX_AGE_MS = 30_000;

type Snapshot = CheckSnapshot;
type OrgState = { snapshot: Snapshot | null; building: Promise<Snapshot> | null; dirty: boolean };

const KEY = Symbol.for("llm-finops.budget-check");
const g = globalThis as unknown as Record<symbol, Map<string, OrgState> | undefined>;
const states = (g[KEY] ??= new Map());
const SUBSCRIBED = Symbol.for("llm-finops.budget-check.subscribed");
if (!(globalThis as Record<symbol, unknown>)[SUBSCRIBED]) {
  (globalThis as Record<symbol, unknown>)[SUBSCRIBED] = true;
  onBudgetsChanged((orgId) => {
    const s = states.get(orgId);
    if (s) s.dirty = true;
  });
}

function rebuild(orgId: string, s: OrgState): Promise<Snapshot> {
  // A change made while a rebuild is in flight may not be in it: wait for it, then build again.
  if (s.building) return s.dirty ? s.building.catch(() => null).then(() => rebuild(orgId, s)) : s.building;
  const force = s.dirty;
  s.dirty = false;
  s.building = buildCheckSnapshot(orgId, { force })
    .then((snap) => {
      s.snapshot = snap;
      return snap;
    })
    .finally(() => {
      s.building = null;
    });
  return s.building;
}

export async function budgetSnapshot(orgId: string): Promise<Snapshot> {
  let s = states.get(orgId);
  if (!s) states.set(orgId, (s = { snapshot: null, building: null, dirty: false }));
  const age = s.snapshot ? Date.now() - s.snapshot.builtAt : Infinity;
  if (!s.snapshot || s.dirty || age > MAX_AGE_MS) return rebuild(orgId, s);
  if (age > REFRESH_MS) rebuild(orgId, s).catch((err) => console.error("[budgets.check] rebuild failed", err));
  return s.snapshot;
}

export type CheckRequest = Partial<Record<Dimension, string>>;

/** The request's scope from the query string: dimension names only, one value each. */
export function parseCheckParams(sp: URLSearchParams): { ok: true; value: CheckRequest } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const value: CheckRequest = {};
  for (const key of new Set(sp.keys())) {
    if (!(DIMENSIONS as readonly string[]).includes(key)) {
      errors.push(`${key}: unknown parameter; expected dimensions ${DIMENSIONS.join(", ")}`);
      continue;
    }
    const values = sp.getAll(key);
    if (values.length > 1) errors.push(`${key}: expected one value (a request has one ${key})`);
    const v = values[0].trim().normalize("NFC");
    if (v.length > MAX_DIMENSION_VALUE_LENGTH) errors.push(`${key}: expected at most ${MAX_DIMENSION_VALUE_LENGTH} characters`);
    value[key as Dimension] = v;
  }
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

export async function checkBudgets(orgId: string, request: CheckRequest) {
  const snap = await budgetSnapshot(orgId);
  const budgets = snap.entries.filter((e) => covers(e.budget.scope, request)).map((e) => e.answer);
  return {
    blocked: budgets.some((b) => b.blocked),
    budgets,
    as_of: new Date(snap.builtAt).toISOString(),
    max_age_seconds: MAX_AGE_MS / 1000,
  };
}
