import { z } from "zod";
import { textField } from "@/lib/ingest/text-fields";
import { formatZodIssues } from "@/lib/ingest/event-schema";
import { MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";

export const MAX_STATS_PER_REQUEST = 1000;
const MAX_WINDOW_MS = 31 * 86_400_000;
const MAX_FUTURE_MS = 24 * 3_600_000;
const EARLIEST_MS = Date.UTC(2000, 0, 1);
// ClickHouse refuses an insert touching more than 100 monthly partitions; refuse it here, by name.
const MAX_MONTHS_PER_REQUEST = 100;

const count = (name: string) =>
  z.number({ error: `${name}: expected a whole number >= 0` }).int(`${name}: expected a whole number >= 0`).nonnegative(`${name}: expected a whole number >= 0`).max(1e15, `${name}: at most 1e15`);
const optionalNumber = (name: string) =>
  z.number({ error: `${name}: expected a number >= 0` }).nonnegative(`${name}: expected a number >= 0`).max(1e12, `${name}: at most 1e12`).optional().nullable();
const label = (name: string) =>
  textField(name, { typeError: `${name}: expected a string`, max: MAX_DIMENSION_VALUE_LENGTH, canonical: true }).optional().default("");
const time = (name: string) => z.string({ error: `${name}: expected an RFC 3339 time such as 2026-11-20T10:00:00Z` });

/** One window of one cache, as a cache (or its sidecar) reports it to POST /api/v1/cache-stats. */
const statSchema = z
  .object({
    cache: textField("cache", { typeError: "cache: expected the cache's name", empty: "cache: must not be empty", max: 128, canonical: true }),
    kind: z.enum(["exact", "semantic"], { error: 'kind: expected "exact" or "semantic"' }),
    feature: label("feature"),
    model: label("model"),
    window_start: time("window_start"),
    window_end: time("window_end"),
    hits: count("hits"),
    misses: count("misses"),
    latency_ms_p50: optionalNumber("latency_ms_p50"),
    latency_ms_p95: optionalNumber("latency_ms_p95"),
    bytes_stored: count("bytes_stored").optional().nullable(),
  })
  .strict();

export type CacheStat = {
  cache: string;
  kind: "exact" | "semantic";
  feature: string;
  model: string;
  windowStart: Date;
  windowEnd: Date;
  hits: number;
  misses: number;
  latencyMsP50: number | null;
  latencyMsP95: number | null;
  bytesStored: number | null;
};

const bodySchema = z.object({ stats: z.array(z.unknown(), { error: "stats: expected an array" }).min(1, "stats: send at least one").max(MAX_STATS_PER_REQUEST, `stats: at most ${MAX_STATS_PER_REQUEST} per request`) }, { error: 'body: expected {"stats": [...]}' });

const RFC3339 = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function parseTime(name: string, v: string, now: number): Date | string {
  if (!RFC3339.test(v.trim())) return `${name}: expected an RFC 3339 time with a zone, e.g. 2026-11-20T10:00:00Z, got ${JSON.stringify(v.slice(0, 40))}`;
  const d = new Date(v.trim());
  if (Number.isNaN(d.getTime())) return `${name}: not a valid time: ${JSON.stringify(v.slice(0, 40))}`;
  if (d.getTime() < EARLIEST_MS) return `${name}: before the year 2000`;
  if (d.getTime() > now + MAX_FUTURE_MS) return `${name}: more than 24 hours in the future`;
  return d;
}

export type ParsedStats = { ok: true; stats: CacheStat[] } | { ok: false; errors: string[] };

/**
 * The whole request is valid or nothing is stored: a cache re-sends its report, so a partial write
 * would only make the retry's result harder to read. Each error names the item and the field.
 */
export function parseCacheStats(body: unknown, now = Date.now()): ParsedStats {
  const env = bodySchema.safeParse(body);
  if (!env.success) return { ok: false, errors: formatZodIssues(env.error) };
  const errors: string[] = [];
  const stats: CacheStat[] = [];
  env.data.stats.forEach((raw, i) => {
    const at = (msg: string) => `stats[${i}].${msg}`;
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      errors.push(`stats[${i}]: expected an object`);
      return;
    }
    const p = statSchema.safeParse(raw);
    if (!p.success) {
      for (const issue of p.error.issues) {
        if (issue.code === "unrecognized_keys") errors.push(at(`${issue.keys.join(", ")}: unknown field; expected cache, kind, feature, model, window_start, window_end, hits, misses, latency_ms_p50, latency_ms_p95, bytes_stored`));
        else errors.push(at(issue.message.startsWith(String(issue.path[0])) ? issue.message : `${issue.path.join(".")}: ${issue.message}`));
      }
      return;
    }
    const s = p.data;
    const start = parseTime("window_start", s.window_start, now);
    const end = parseTime("window_end", s.window_end, now);
    if (typeof start === "string") errors.push(at(start));
    if (typeof end === "string") errors.push(at(end));
    if (typeof start === "string" || typeof end === "string") return;
    if (end <= start) return void errors.push(at("window_end: expected a time after window_start"));
    if (end.getTime() - start.getTime() > MAX_WINDOW_MS) return void errors.push(at("window_end: a window may span at most 31 days"));
    if (s.latency_ms_p50 != null && s.latency_ms_p95 != null && s.latency_ms_p95 < s.latency_ms_p50) {
      return void errors.push(at("latency_ms_p95: expected a value >= latency_ms_p50"));
    }
    stats.push({
      cache: s.cache,
      kind: s.kind,
      feature: s.feature,
      model: s.model,
      windowStart: start,
      windowEnd: end,
      hits: s.hits,
      misses: s.misses,
      latencyMsP50: s.latency_ms_p50 ?? null,
      latencyMsP95: s.latency_ms_p95 ?? null,
      bytesStored: s.bytes_stored ?? null,
    });
  });
  if (!errors.length) {
    const months = new Set(stats.map((s) => s.windowStart.toISOString().slice(0, 7)));
    if (months.size > MAX_MONTHS_PER_REQUEST) errors.push(`stats: windows start in ${months.size} different months; at most ${MAX_MONTHS_PER_REQUEST} per request (split the backfill)`);
  }
  return errors.length ? { ok: false, errors: errors.slice(0, 100) } : { ok: true, stats };
}
