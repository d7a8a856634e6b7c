/**
 * A deterministic, realistic demo workload: 60 days of calls across projects, features, teams,
 * customers and models, with daily and weekly seasonality, prompt caching on some features, an
 * application cache on one, growth, and a few calls to a model no catalog prices.
 */

import { gaussian, poisson, seededRandom, workdaySeasonality } from "@/lib/random/seeded";
import { plantedHour } from "./planted";

type FeatureSpec = {
  project: string;
  feature: string;
  team: string;
  provider: "openai" | "anthropic";
  model: string;
  perHour: number;
  inTokens: number;
  outTokens: number;
  cachedShare?: number;
  appCache?: number;
  reasoningShare?: number;
};

const FEATURES: FeatureSpec[] = [
  { project: "support-bot", feature: "answer", team: "support", provider: "anthropic", model: "claude-sonnet-4-20250514", perHour: 9, inTokens: 3200, outTokens: 420, cachedShare: 0.7 },
  { project: "support-bot", feature: "summarize", team: "support", provider: "anthropic", model: "claude-3-5-haiku-latest", perHour: 7, inTokens: 2400, outTokens: 180, cachedShare: 0.5 },
  { project: "support-bot", feature: "triage", team: "support", provider: "openai", model: "gpt-4o-mini", perHour: 12, inTokens: 900, outTokens: 40, appCache: 0.35 },
  { project: "search", feature: "rerank", team: "growth", provider: "openai", model: "gpt-4.1-mini", perHour: 10, inTokens: 1800, outTokens: 60 },
  { project: "search", feature: "query-rewrite", team: "growth", provider: "openai", model: "gpt-4o-mini", perHour: 8, inTokens: 400, outTokens: 50 },
  { project: "copilot", feature: "code-review", team: "platform", provider: "anthropic", model: "claude-sonnet-4-20250514", perHour: 3, inTokens: 12000, outTokens: 900, cachedShare: 0.6 },
  { project: "copilot", feature: "plan", team: "platform", provider: "openai", model: "o4-mini", perHour: 2, inTokens: 3000, outTokens: 2200, reasoningShare: 0.7 },
  { project: "analytics", feature: "report-writer", team: "data", provider: "openai", model: "gpt-4.1", perHour: 1.5, inTokens: 6000, outTokens: 1500 },
  { project: "analytics", feature: "sql-gen", team: "data", provider: "openai", model: "acme-sql-ft-v2", perHour: 0.15, inTokens: 1500, outTokens: 200 },
];

const CUSTOMERS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne"];

/** `withPlanted` false gives only the small original features (tests and evaluations sized for them). */
export function* demoEvents(end: Date, days = 60, seed = 42, withPlanted = true): Generator<Record<string, unknown>> {
  const rand = seededRandom(seed);
  // A stream of its own, so the provider-health fields leave every other demo figure unchanged.
  const healthRand = seededRandom(seed + 1);
  // And one for the large planted features (planted.ts), for the same reason.
  const plantedRand = seededRandom(seed + 2);
  let planted = 0;
  const endHour = Math.floor(end.getTime() / 3_600_000) * 3_600_000;
  const start = endHour - days * 24 * 3_600_000;
  let n = 0;
  for (let t = start; t < endHour; t += 3_600_000) {
    const growth = 1 + (0.5 * (t - start)) / (endHour - start);
    for (const f of FEATURES) {
      const count = poisson(rand, f.perHour * workdaySeasonality(t) * growth);
      for (let i = 0; i < count; i++) {
        const ts = new Date(t + Math.floor(rand() * 3_600_000));
        const customer = CUSTOMERS[Math.min(CUSTOMERS.length - 1, Math.floor(-Math.log(rand() || 1e-9) * 2.5))];
        const user = `u-${customer}-${1 + Math.floor(rand() * 12)}`;
        const input = Math.max(20, Math.round(f.inTokens * Math.exp(0.35 * gaussian(rand))));
        const output = Math.max(1, Math.round(f.outTokens * Math.exp(0.5 * gaussian(rand))));
        const hit = f.appCache !== undefined && rand() < f.appCache;
        const ev: Record<string, unknown> = {
          id: `demo-${n++}`,
          timestamp: ts.toISOString(),
          provider: f.provider,
          model: f.model,
          project: f.project,
          feature: f.feature,
          team: f.team,
          user,
          customer,
          environment: rand() < 0.92 ? "prod" : "staging",
          latency_ms: Math.round((hit ? 15 : 300 + output * 12) * Math.exp(0.3 * gaussian(rand))),
          status: rand() < 0.01 ? "error" : "ok",
          tags: { route: `/api/${f.feature}` },
        };
        if (f.appCache !== undefined) ev.cache = hit ? "hit" : "miss";
        ev.usage = hit ? { input_tokens: 0, output_tokens: 0 } : usageFor(f, input, output, rand);
        if (!hit) Object.assign(ev, providerHealthFields(f, ev, workdaySeasonality(t) * growth, healthRand));
        yield ev;
      }
    }
    if (withPlanted) yield* plantedHour(t, growth, endHour, plantedRand, () => planted++);
  }
}

/** Each provider's own usage shape, as an application would forward it. */
function usageFor(f: FeatureSpec, input: number, output: number, rand: () => number) {
  const cached = f.cachedShare && rand() < 0.85 ? Math.floor(input * f.cachedShare) : 0;
  if (f.provider === "anthropic") {
    const write = cached === 0 && f.cachedShare ? Math.floor(input * f.cachedShare) : 0;
    return {
      input_tokens: input - cached - write,
      cache_read_input_tokens: cached,
      cache_creation_input_tokens: write,
      cache_creation: { ephemeral_5m_input_tokens: write, ephemeral_1h_input_tokens: 0 },
      output_tokens: output,
    };
  }
  const reasoning = f.reasoningShare ? Math.floor(output * f.reasoningShare) : 0;
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: cached },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}

/** Requests and tokens per minute the demo's API keys may use, per model (what the headers report). */
const DEMO_LIMITS: Record<string, { requests: number; tokens: number }> = {
  "claude-sonnet-4-20250514": { requests: 50, tokens: 120_000 },
  "claude-3-5-haiku-latest": { requests: 50, tokens: 200_000 },
  "gpt-4o-mini": { requests: 500, tokens: 200_000 },
  "gpt-4.1-mini": { requests: 500, tokens: 200_000 },
  "gpt-4.1": { requests: 500, tokens: 30_000 },
  "o4-mini": { requests: 500, tokens: 200_000 },
};

/**
 * What the provider's response said: HTTP status (errors split into 429s and 5xx), time to first
 * token, and on most calls the rate-limit headers, whose remaining share falls with the load (Sonnet
 * runs closest to its token limit at the daily peak, staying above the default 10% alert share).
 */
function providerHealthFields(f: FeatureSpec, ev: Record<string, unknown>, load: number, rand: () => number): Record<string, unknown> {
  const error = ev.status === "error";
  const out: Record<string, unknown> = {
    http_status: error ? (rand() < 0.6 ? 429 : f.provider === "anthropic" ? 529 : 500) : 200,
    ttft_ms: Math.round(Number(ev.latency_ms) * (0.12 + 0.15 * rand())),
  };
  const limits = DEMO_LIMITS[f.model];
  if (!limits || rand() < 0.3) return out;
  const used = Math.min(0.85, load * (f.model === "claude-sonnet-4-20250514" ? 0.55 : 0.3) * (0.8 + 0.4 * rand()));
  out.rate_limit = {
    requests_limit: limits.requests,
    requests_remaining: Math.round(limits.requests * (1 - used * 0.6)),
    tokens_limit: limits.tokens,
    tokens_remaining: Math.round(limits.tokens * (1 - used)),
    requests_reset_s: Math.round(60 * rand() * 10) / 10,
    tokens_reset_s: Math.round(60 * rand() * 10) / 10,
  };
  return out;
}
