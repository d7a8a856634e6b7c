import "server-only";
import { seededRandom } from "@/lib/random/seeded";
import { parseCacheStats } from "./cache-stats-schema";
import { storeCacheStats } from "./cache-stats-store";

const DAY_MS = 86_400_000;

/**
 * The demo organization's caches: an exact-match answer cache in front of support triage and a
 * semantic cache in front of support answers, 60 daily windows each (hits, misses, latency, bytes
 * stored), sent through the same validation as POST /api/v1/cache-stats. Provider health (HTTP
 * status, TTFT, rate-limit headers) rides on the demo events themselves (lib/demo/generate.ts).
 */
export async function seedDemoCachesAndHealth(orgId: string, end: Date, days = 60): Promise<number> {
  const rand = seededRandom(7);
  const lastDay = Math.floor(end.getTime() / DAY_MS) * DAY_MS;
  const stats: unknown[] = [];
  for (let d = days; d >= 1; d--) {
    const start = lastDay - d * DAY_MS;
    const weekend = [0, 6].includes(new Date(start).getUTCDay());
    const age = (days - d) / days;
    const window = { window_start: new Date(start).toISOString(), window_end: new Date(start + DAY_MS).toISOString() };
    const exactLookups = Math.round((weekend ? 60 : 180) * (1 + 0.5 * age) * (0.9 + 0.2 * rand()));
    const exactHits = Math.round(exactLookups * (0.3 + 0.1 * rand()));
    stats.push({
      cache: "triage-answers", kind: "exact", feature: "triage", model: "gpt-4o-mini", ...window,
      hits: exactHits, misses: exactLookups - exactHits,
      latency_ms_p50: Math.round(2 + rand() * 2), latency_ms_p95: Math.round(8 + rand() * 6),
      bytes_stored: Math.round(40_000_000 + 1_500_000 * (days - d) * (0.8 + 0.4 * rand())),
    });
    const semLookups = Math.round((weekend ? 50 : 140) * (1 + 0.5 * age) * (0.9 + 0.2 * rand()));
    // The semantic cache warms up: its hit rate climbs from about 12% to 28% over the two months.
    const semHits = Math.round(semLookups * (0.12 + 0.16 * age + 0.04 * rand()));
    stats.push({
      cache: "support-semantic", kind: "semantic", feature: "answer", model: "claude-sonnet-4-20250514", ...window,
      hits: semHits, misses: semLookups - semHits,
      latency_ms_p50: Math.round(18 + rand() * 6), latency_ms_p95: Math.round(60 + rand() * 30),
      bytes_stored: Math.round(250_000_000 + 6_000_000 * (days - d) * (0.8 + 0.4 * rand())),
    });
  }
  const parsed = parseCacheStats({ stats }, end.getTime());
  if (!parsed.ok) throw new Error(`demo cache stats: ${parsed.errors.join("; ")}`);
  await storeCacheStats(orgId, parsed.stats);
  return parsed.stats.length;
}
