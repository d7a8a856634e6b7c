/**
 * Row versions for the ReplacingMergeTree tables: the later pull of a bucket must win. Wall-clock
 * microseconds, made strictly increasing within the process, so two pulls in the same millisecond
 * (tests, a fast backfill) still order correctly.
 */
let last = 0n;

export function nextVersion(): string {
  const now = BigInt(Date.now()) * 1000n;
  last = now > last ? now : last + 1n;
  return last.toString();
}

/** ClickHouse's basic DateTime text for a UTC instant. */
export function chTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

/** A DateTime('UTC') value read back ("2026-11-01 00:00:00") as a Date. */
export function fromChTime(s: string): Date {
  return new Date(s.replace(" ", "T") + "Z");
}
