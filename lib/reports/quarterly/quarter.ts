/**
 * Calendar quarters in UTC ("2026-Q4" = 2026-10-01T00:00Z to 2027-01-01T00:00Z, end exclusive). UTC and
 * not an organization's zone because the ledger's rollup is by UTC hour: a quarter of whole UTC hours is
 * exactly what the read API answers for the same dates, so the report's totals reconcile with it.
 * Pure: safe anywhere.
 */

export type Quarter = { year: number; q: 1 | 2 | 3 | 4 };
export type QuarterBounds = Quarter & { label: string; from: Date; to: Date };

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export function quarterLabel(q: Quarter): string {
  return `${q.year}-Q${q.q}`;
}

export function quarterBounds(q: Quarter): QuarterBounds {
  const from = new Date(Date.UTC(q.year, (q.q - 1) * 3, 1));
  const to = new Date(Date.UTC(q.year, q.q * 3, 1));
  return { ...q, label: quarterLabel(q), from, to };
}

export function quarterOf(instant: Date): Quarter {
  return { year: instant.getUTCFullYear(), q: (Math.floor(instant.getUTCMonth() / 3) + 1) as Quarter["q"] };
}

export function previousQuarter(q: Quarter): Quarter {
  return q.q === 1 ? { year: q.year - 1, q: 4 } : { year: q.year, q: (q.q - 1) as Quarter["q"] };
}

export function sameQuarterLastYear(q: Quarter): Quarter {
  return { year: q.year - 1, q: q.q };
}

/** The quarter's months as "YYYY-MM" with their UTC bounds. */
export function quarterMonths(q: Quarter): { month: string; from: Date; to: Date }[] {
  return [0, 1, 2].map((i) => {
    const m = (q.q - 1) * 3 + i;
    const from = new Date(Date.UTC(q.year, m, 1));
    return { month: from.toISOString().slice(0, 7), from, to: new Date(Date.UTC(q.year, m + 1, 1)) };
  });
}

/**
 * Reads "YYYY-Qn"; refuses a quarter that has not started yet (there is nothing to review) and years
 * outside the ledger's accepted range. Errors name the field.
 */
export function parseQuarter(text: string | undefined, now = new Date(), field = "quarter"): { ok: true; value: QuarterBounds } | { ok: false; error: string } {
  if (text === undefined || text === "") return { ok: false, error: `${field}: required, expected a quarter such as 2026-Q4` };
  const m = QUARTER_PATTERN.exec(text.trim());
  if (!m) return { ok: false, error: `${field}: expected a quarter written YYYY-Qn (n from 1 to 4), such as 2026-Q4, got "${text.slice(0, 40)}"` };
  const year = Number(m[1]);
  if (year < 2000 || year > 2099) return { ok: false, error: `${field}: expected a year from 2000 to 2099, got ${year}` };
  const bounds = quarterBounds({ year, q: Number(m[2]) as Quarter["q"] });
  if (bounds.from.getTime() > now.getTime()) {
    return { ok: false, error: `${field}: ${bounds.label} has not started yet (it starts ${bounds.from.toISOString().slice(0, 10)} UTC); expected ${quarterLabel(quarterOf(now))} or earlier` };
  }
  return { ok: true, value: bounds };
}

/** The most recent quarters, newest first (the page's picker). */
export function recentQuarters(now = new Date(), count = 8): string[] {
  const out: string[] = [];
  let q = quarterOf(now);
  for (let i = 0; i < count; i++) {
    out.push(quarterLabel(q));
    q = previousQuarter(q);
  }
  return out;
}
