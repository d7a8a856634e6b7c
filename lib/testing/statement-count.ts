import { chQuery } from "@/lib/clickhouse/query";

/**
 * SELECT statements the embedded engine ran while `f` ran, from its own counter (system.events),
 * not counting the two statements that read the counter. Tests use it to prove that an answer came
 * from memory (0) or that concurrent askers shared one computation (1).
 */
export async function selectStatementsDuring(f: () => Promise<unknown>): Promise<number> {
  const before = await selectCount();
  await f();
  // minus one: the second count reads itself
  return (await selectCount()) - before - 1;
}

async function selectCount(): Promise<number> {
  const rows = await chQuery<{ value: string }>("SELECT value FROM system.events WHERE event = 'SelectQuery'", { tag: "test.count" });
  return Number(rows[0].value);
}
