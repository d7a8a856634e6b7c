import "server-only";

/**
 * How many writes (inserts, DDL, mutations) this process has finished through the execution point.
 * In embedded mode this process is the only one that can open the store, so an unchanged count means
 * unchanged data: a cache keyed on it needs no statement to know it is fresh. Kept on globalThis
 * because route handlers and the in-process workers (instrumentation) are separate module graphs.
 */
const KEY = Symbol.for("llm-finops.clickhouse.write-generation");
type Counter = { n: number };
const counter: Counter = ((globalThis as Record<symbol, Counter>)[KEY] ??= { n: 0 });

export function writeGeneration(): number {
  return counter.n;
}

/**
 * Called when a write has finished, failed or not (a failed insert may still have stored a block).
 * A read that ran before the write's rows were visible was keyed on the count before this bump, so it
 * is never reused after it.
 */
export function noteWrite(): void {
  counter.n++;
}
