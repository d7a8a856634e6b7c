/**
 * Budget writes in this process tell the gateway check's snapshot to rebuild at once; other processes
 * catch up on their next rebuild (the snapshot's freshness bound), since the state is the ledger's.
 */
type Listener = (orgId: string) => void;
const KEY = Symbol.for("llm-finops.budget-change-listeners");
const g = globalThis as unknown as Record<symbol, Set<Listener> | undefined>;
const listeners = (g[KEY] ??= new Set());

export function onBudgetsChanged(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function notifyBudgetsChanged(orgId: string): void {
  for (const l of listeners) l(orgId);
}
