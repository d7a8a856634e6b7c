import "server-only";

/**
 * How many writes that may change the spend ledger (inserts, DDL, mutations; all but those marked
 * ledgerUnchanged) this process has finished through the execution point. In embedded mode this
 * process is the only one that can open the store, so an unchanged count means an unchanged ledger:
 * a cache keyed on it needs no statement to know it is fresh. Kept on globalThis
 * because route handlers and the in-process workers (instrumentation) are separate module graphs.
 */
const KEY = Symbol.for("llm-finops.clickhouse.ledger-generation");
type Counter = { n: number };
const counter: Counter = ((globalThis as Record<symbol, Counter>)[KEY] ??= { n: 0 });

export function ledgerGeneration(): number {
  return counter.n;
}

/**
 * Called when a write has finished, failed or not (a failed insert may still have stored a block).
 * A read that ran before the write's rows were visible was keyed on the count before this bump, so it
 * is never reused after it.
 */
export function noteLedgerWrite(): void {
  counter.n++;
}
