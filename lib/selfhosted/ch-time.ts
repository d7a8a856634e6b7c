/**
 * Epoch ms -> ClickHouse's basic DateTime64(3) text, the form chInsert wants (see lib/clickhouse/query.ts).
 * The rows of one scrape share their timestamps, so the last two answers are kept.
 */
let a = { ms: NaN, text: "" };
let b = { ms: NaN, text: "" };
export const chTime = (ms: number): string => {
  if (ms === a.ms) return a.text;
  if (ms === b.ms) return b.text;
  b = a;
  a = { ms, text: new Date(ms).toISOString().slice(0, 23).replace("T", " ") };
  return a.text;
};
