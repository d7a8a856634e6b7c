import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { eventWriter } from "@/lib/ingest/writer";
import { PICO_PER_USD } from "@/lib/money/pico";
import { canonicalUsd } from "./money";
import { insertSlo, type SloData } from "./repository";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * The demo organization's SLOs, sized from its seeded events so they tell the same story whatever the
 * demo's volume: the busiest feature's cost per request is burning (its threshold is the median cost
 * of its last six hours, so about half its requests breach it: a fast burn that pages), while a
 * latency, an error-rate and a cache-hit SLO on other features hold.
 *
 * The demo's generated events stop at the top of the hour before the start, so the 5- and 30-minute
 * windows of a fast burn would be empty most of the time. A short burst of the burning feature's own
 * requests over the last 50 minutes (about 25 events, ids demo-slo-burst-*, through the ingest path, at
 * three times its usual input) keeps the short windows fed when the server starts: the page opens on
 * the first evaluation and, once the burst ages out, falls back to the 3-day/6-hour ticket.
 */
type Top = { feature: string; n: string };

export async function seedDemoSlos(orgId: string, now = new Date()): Promise<number> {
  if (await db().slo.count({ where: { orgId } })) return 0;
  await eventWriter().drain();
  const since = now.getTime() - 30 * 86_400_000;
  const features = await chQuery<Top & { p99: number; hits: string; lookups: string }>(
    `SELECT feature, toInt64(sum(sign)) AS n, quantileExact(0.99)(assumeNotNull(latency_ms)) AS p99,
            toInt64(sum(sign * (app_cache = 'hit'))) AS hits, toInt64(sum(sign * (app_cache != ''))) AS lookups
     FROM ${LLM_EVENTS} WHERE org_id = {org:String} AND ts >= fromUnixTimestamp64Milli({since:Int64}, 'UTC') AND feature != ''
     GROUP BY feature ORDER BY n DESC, feature`,
    { tag: "slos.demo.features", params: { org: orgId, since } },
  );
  if (!features.length) return 0;
  const burning = await burningFeature(orgId, now);
  const slos: SloData[] = [];
  const base = { action: "", windowType: "rolling", windowDays: 30, enabled: true };
  if (burning) {
    slos.push({ ...base, name: `${burning.feature}: cost per request`, scope: JSON.stringify({ feature: burning.feature }), kind: "cost_per_request", threshold: burning.threshold, target: 99 });
  }
  const others = features.filter((f) => f.feature !== burning?.feature);
  const latency = others[0] ?? features[0];
  const threshold = Math.ceil((Number(latency.p99) * 1.2) / 100) * 100;
  slos.push({ ...base, name: `${latency.feature}: p95 latency`, scope: JSON.stringify({ feature: latency.feature }), kind: "latency_p95", threshold: String(Math.max(100, threshold)), target: 95 });
  const errors = others[1] ?? features[0];
  slos.push({ ...base, name: `${errors.feature}: error rate`, scope: JSON.stringify({ feature: errors.feature }), kind: "error_rate", threshold: "", target: 97 });
  const cached = features.find((f) => Number(f.lookups) > 0);
  if (cached) {
    const rate = Number(cached.hits) / Number(cached.lookups);
    slos.push({ ...base, name: `${cached.feature}: cache hit rate`, scope: JSON.stringify({ feature: cached.feature }), kind: "cache_hit_rate", threshold: "", target: Math.max(1, Math.floor(rate * 100 * 0.5)) });
  }
  for (const s of slos) await insertSlo(orgId, s);
  return slos.length;
}

/** The busiest priced feature of the last six hours, its median cost, and the burst that keeps it burning. */
async function burningFeature(orgId: string, now: Date): Promise<{ feature: string; threshold: string } | null> {
  const since = now.getTime() - 6 * 3_600_000;
  const [top] = await chQuery<{ feature: string; median: string; provider: string; model: string; project: string; team: string; input: string; output: string }>(
    `SELECT feature, toString(quantileExact(0.5)(cost_pico)) AS median, any(provider) AS provider, any(model) AS model, any(project) AS project, any(team) AS team,
            toInt64(avg(input_uncached_tokens + cache_read_tokens + cache_write_5m_tokens + cache_write_1h_tokens)) AS input, toInt64(avg(output_tokens)) AS output
     FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND ts >= fromUnixTimestamp64Milli({since:Int64}, 'UTC') AND sign = 1 AND priced = 1 AND feature != '' AND cost_pico > 0
     GROUP BY feature ORDER BY count() DESC, feature LIMIT 1`,
    { tag: "slos.demo.burning", params: { org: orgId, since } },
  );
  if (!top) return null;
  const events = Array.from({ length: 25 }, (_, i) => ({
    id: `demo-slo-burst-${i}`,
    timestamp: new Date(now.getTime() - (50 - 2 * i) * 60_000).toISOString(),
    provider: top.provider, model: top.model, project: top.project, feature: top.feature, team: top.team, environment: "prod",
    usage: { input_tokens: Number(top.input) * 3, output_tokens: Number(top.output) },
    latency_ms: 900, status: "ok", tags: { route: `/api/${top.feature}` },
  }));
  await ingestEvents(orgId, "demo", events, "demo");
  await eventWriter().drain();
  // The median in USD, rounded to 6 significant digits: a readable threshold half the traffic exceeds.
  const usd = Number(BigInt(top.median)) / Number(PICO_PER_USD);
  return { feature: top.feature, threshold: canonicalUsd(Number(usd.toPrecision(6)).toFixed(12)) };
}
