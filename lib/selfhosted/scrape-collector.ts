import "server-only";
/**
 * prometheus_scrape: GET a /metrics URL every interval_s, keep the series its kind reads, reduce them
 * to GPU or serving rows and store them. Counter values from the last scrape ride in the cursor.
 */
import { CollectorError, type Collector, type CollectorOutcome, type CollectorRun } from "@/lib/source-contract/collector";
import { scrapeConfigSchema, type ScrapeConfig } from "./config";
import { getText, safeUrl } from "./http-fetch";
import { parsePrometheusText } from "./prom-text";
import { metricNames, reduceScrape } from "./reduce";
import { writeSamples } from "./sample-writer";
import { scrapeState } from "./state";

export async function runScrape(ctx: CollectorRun): Promise<CollectorOutcome> {
  const cfg = scrapeConfigSchema.parse(ctx.config) as ScrapeConfig;
  const intervalMs = cfg.interval_s * 1000;
  const state = scrapeState(ctx.cursor);
  const res = await getText(cfg.url, { bearerToken: cfg.bearer_token, signal: ctx.signal, timeoutMs: Math.min(intervalMs, 10_000), what: `The ${cfg.kind} metrics endpoint` });
  if (res.status === 404) throw new CollectorError(`No metrics at ${safeUrl(cfg.url)} (404): the URL must be the full /metrics address, e.g. http://host:8000/metrics.`, "config");
  if (res.status >= 500) throw new CollectorError(`The ${cfg.kind} metrics endpoint at ${safeUrl(cfg.url)} answered ${res.status}; will retry.`, "unavailable");
  if (res.status !== 200) throw new CollectorError(`The ${cfg.kind} metrics endpoint at ${safeUrl(cfg.url)} answered ${res.status}; expected 200 with Prometheus text.`, "bad_response");
  const wanted = new Set(metricNames(cfg.kind));
  let samples;
  const exposed = { exposed: 0 };
  try {
    samples = parsePrometheusText(res.text, wanted, exposed);
  } catch (err) {
    throw new CollectorError(`${safeUrl(cfg.url)} did not answer in the Prometheus text format (${(err as Error).message.slice(0, 200)}); is it the /metrics URL?`, "bad_response");
  }
  const r = reduceScrape(cfg.kind, samples, ctx.now.getTime(), state, intervalMs);
  if (samples.length === 0) ctx.log(`no ${cfg.kind} series found at ${safeUrl(cfg.url)}; is the kind right?`);
  await writeSamples(ctx.orgId, ctx.sourceId, r.gpus, r.serving);
  return { cursor: r.state, backfillDone: true, stats: { series_exposed: exposed.exposed, series: samples.length, gpu_rows: r.gpus.length, serving_rows: r.serving.length } };
}

export const prometheusScrapeCollector: Collector = {
  type: "prometheus_scrape",
  configSchema: scrapeConfigSchema as unknown as Collector["configSchema"],
  secretFields: ["bearer_token"],
  intervalMs: (config) => Number(config.interval_s ?? 15) * 1000,
  run: runScrape,
};
