/**
 * Deterministic provider usage for the fake OpenAI and Anthropic admin servers (tests, e2e, benchmark):
 * hourly usage per group, with the hour in progress growing as the clock moves, and the daily cost
 * derived from it at fixed per-token rates so every dollar is an exact decimal. Also the totals the
 * tests compare the stored rows against. Test-only: no production code imports it.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type FakeGroup = { project: string; apiKey: string; model: string };

export type FakeTokens = { inputUncached: number; cacheRead: number; cacheWrite5m: number; cacheWrite1h: number; output: number };

export type FakeHourRow = FakeGroup & { hour: number; tokens: FakeTokens; requests: number };

/** pico-dollars per token for each bucket of a model (e.g. 2_500_000 = $2.50 / 1M tokens) */
export type FakeRates = Record<keyof FakeTokens, number>;

export type FakeDataOptions = {
  /** days of history before the day the server started (default 31) */
  days?: number;
  /** the server's clock (default the real one); tests move it to make the open hour grow */
  now?: () => Date;
  groups: FakeGroup[];
  /** Anthropic has a 1 h cache write; OpenAI does not */
  withCacheWrite1h: boolean;
};

/** A small deterministic integer hash (no Math.random: the same hour always has the same usage). */
function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join("|")) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export class FakeBillingData {
  readonly start: number;
  readonly now: () => Date;
  constructor(readonly opts: FakeDataOptions) {
    this.now = opts.now ?? (() => new Date());
    this.start = Math.floor(this.now().getTime() / DAY_MS) * DAY_MS - (opts.days ?? 31) * DAY_MS;
  }

  /** Usage of one group in one hour as the provider reports it now: the open hour grows by the minute. */
  hourRow(hour: number, g: FakeGroup): FakeHourRow | null {
    const now = this.now().getTime();
    if (hour < this.start || hour >= now) return null;
    const h = hash(hour, g.project, g.apiKey, g.model);
    if (h % 11 === 0) return null; // some groups are idle in some hours
    const busy = new Date(hour).getUTCHours() >= 8 && new Date(hour).getUTCHours() < 20 ? 3 : 1;
    const full = (1000 + (h % 5000)) * busy;
    const elapsed = now - hour;
    const f = elapsed >= HOUR_MS ? 60 : Math.floor(elapsed / 60_000) + 1;
    const base = Math.floor((full * f) / 60);
    if (base === 0) return null;
    return {
      ...g,
      hour,
      tokens: {
        inputUncached: base * 3,
        cacheRead: base * 2,
        cacheWrite5m: Math.floor(base / 2),
        cacheWrite1h: this.opts.withCacheWrite1h ? Math.floor(base / 4) : 0,
        output: base + (h % 97),
      },
      requests: 1 + Math.floor((base * (1 + (h % 5))) / 500),
    };
  }

  /** Every non-empty group row of the hours in [from, to). */
  rows(from: number, to: number): FakeHourRow[] {
    const out: FakeHourRow[] = [];
    for (let hour = Math.ceil(from / HOUR_MS) * HOUR_MS; hour < to; hour += HOUR_MS) {
      for (const g of this.opts.groups) {
        const r = this.hourRow(hour, g);
        if (r) out.push(r);
      }
    }
    return out;
  }
}

/** Bucket starts of [from, to) at `width`, not beyond the clock (providers do not return future buckets). */
export function bucketStarts(from: number, to: number, width: number, now: number): number[] {
  const out: number[] = [];
  for (let b = Math.floor(from / width) * width; b < to && b < now; b += width) out.push(b);
  return out;
}

export function sumTokens(rows: { tokens: FakeTokens }[]): FakeTokens {
  const t: FakeTokens = { inputUncached: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0 };
  for (const r of rows) for (const k of Object.keys(t) as (keyof FakeTokens)[]) t[k] += r.tokens[k];
  return t;
}

/** Page cursor in the providers' style ("page_" + base64 of the next bucket start). */
export const pageToken = (bucketStart: number) => "page_" + Buffer.from(String(bucketStart)).toString("base64");
export function readPageToken(token: string | null): number | null {
  if (!token) return null;
  const n = Number(Buffer.from(token.replace(/^page_/, ""), "base64").toString());
  return Number.isFinite(n) ? n : NaN;
}

/** Exact decimal text of an integer count of 10^-scale units (e.g. pico-dollars with scale 12). */
export function scaledToDecimal(v: bigint, scale: number): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(scale + 1, "0");
  const whole = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? "." + frac : ""}`;
}

export type FakeTotals = FakeTokens & { requests: number; usageRows: number; costPico: bigint };

/** Arguments after the script name: --port N --days N --key K. */
export function cliArgs(argv: string[]): { port: number; days?: number; key?: string } {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { port: Number(get("port") ?? 0), days: get("days") ? Number(get("days")) : undefined, key: get("key") };
}
