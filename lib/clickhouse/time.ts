/** ClickHouse's DateTime64 text form; the basic parser reads it without best-effort guessing. */
export function chDateTime(d: Date): string {
  return d.toISOString().replace("T", " ").replace("Z", "");
}
