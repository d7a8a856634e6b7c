/**
 * The demo's large features: the part of the workload that makes the demo organization's bill about
 * $80,000 a month (seed 000's company), with the savings opportunities the seeds describe planted at
 * known sizes, so each recommendation has a real case to find:
 *
 * - ticket-classify: a classification feature on a frontier model (a few output tokens on Claude Opus);
 * - contract-review: a 40,000-token system prompt sent on every call with no prompt caching;
 * - draft-writer: output with a runaway tail (4% of calls write 12-24k tokens against a 1,500 median);
 * - nightly-enrichment: a nightly job (01:00-04:59 UTC) on the interactive API, not the batch API;
 * - kb-answer: most questions asked before (tags.request_hash repeats): a response cache would answer them;
 * - intent-detect: moved from GPT-4.1 to GPT-4.1 mini 14 days before the end (an implemented routing
 *   recommendation whose realized savings the product measures);
 * - research-agent: the main product, a long-context agent with prompt caching already on.
 *
 * A random stream of its own, so the original features' events (and every test built on them) are
 * unchanged. Event ids are `demo-p-<n>`.
 */
import { gaussian, poisson, workdaySeasonality } from "@/lib/random/seeded";

type Planted = {
  project: string;
  feature: string;
  team: string;
  provider: "openai" | "anthropic";
  model: string;
  /** calls an hour at the workday peak (scaled by the daily and weekly shape, or flat for `hours`) */
  perHour: number;
  inTokens: number;
  outTokens: number;
  /** share of input read from the prompt cache */
  cachedShare?: number;
  /** share of calls whose output runs away, and how far (× the median, uniform between the two) */
  runaway?: { share: number; min: number; max: number };
  /** UTC hours the feature runs in, at a flat rate (a scheduled job) */
  hours?: [number, number];
  /** the model the feature used before `switchDaysBeforeEnd` */
  before?: { model: string; days: number };
  /** request kinds, so a share of requests repeats exactly (tags.request_hash) */
  repeatKinds?: number;
  action?: string;
};

export const PLANTED: Planted[] = [
  { project: "assistant", feature: "research-agent", team: "research", provider: "anthropic", model: "claude-opus-4-20250514", perHour: 210, inTokens: 60000, outTokens: 3500, cachedShare: 0.75, action: "report_delivered" },
  { project: "support-bot", feature: "ticket-classify", team: "support", provider: "anthropic", model: "claude-opus-4-20250514", perHour: 180, inTokens: 3200, outTokens: 6, action: "ticket_routed" },
  { project: "legal", feature: "contract-review", team: "legal", provider: "anthropic", model: "claude-sonnet-4-20250514", perHour: 90, inTokens: 60000, outTokens: 1200 },
  { project: "assistant", feature: "draft-writer", team: "research", provider: "anthropic", model: "claude-opus-4-20250514", perHour: 60, inTokens: 6000, outTokens: 1500, runaway: { share: 0.04, min: 8, max: 16 } },
  { project: "analytics", feature: "nightly-enrichment", team: "data", provider: "openai", model: "gpt-4.1", perHour: 400, inTokens: 30000, outTokens: 1200, hours: [1, 5] },
  { project: "support-bot", feature: "kb-answer", team: "support", provider: "anthropic", model: "claude-3-5-haiku-latest", perHour: 90, inTokens: 5000, outTokens: 350, repeatKinds: 400, action: "ticket_resolved" },
  { project: "support-bot", feature: "intent-detect", team: "support", provider: "openai", model: "gpt-4.1-mini", perHour: 60, inTokens: 6000, outTokens: 12, before: { model: "gpt-4.1", days: 14 } },
];

const CUSTOMERS = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell", "cyberdyne"];

/** The planted features' events for one hour starting at `t` (ms); `growth` is the workload's trend. */
export function* plantedHour(t: number, growth: number, endHour: number, rand: () => number, next: () => number): Generator<Record<string, unknown>> {
  const hour = new Date(t).getUTCHours();
  for (const f of PLANTED) {
    let rate: number;
    if (f.hours) rate = hour >= f.hours[0] && hour < f.hours[1] ? f.perHour : 0;
    else rate = f.perHour * workdaySeasonality(t) * growth;
    const count = poisson(rand, rate);
    const model = f.before && t < endHour - f.before.days * 86_400_000 ? f.before.model : f.model;
    for (let i = 0; i < count; i++) {
      const customer = CUSTOMERS[Math.min(CUSTOMERS.length - 1, Math.floor(-Math.log(rand() || 1e-9) * 2.5))];
      const input = Math.max(50, Math.round(f.inTokens * Math.exp(0.2 * gaussian(rand))));
      let output = Math.max(1, Math.round(f.outTokens * Math.exp(0.35 * gaussian(rand))));
      if (f.runaway && rand() < f.runaway.share) output = Math.round(f.outTokens * (f.runaway.min + rand() * (f.runaway.max - f.runaway.min)));
      const latency = Math.round((400 + output * (f.model.includes("opus") ? 25 : 12)) * Math.exp(0.25 * gaussian(rand)));
      const tags: Record<string, string> = { route: `/api/${f.feature}` };
      if (f.action && rand() < 0.8) tags.action = f.action;
      if (f.repeatKinds) tags.request_hash = `kb-${Math.floor(f.repeatKinds * rand() ** 3)}`;
      yield {
        id: `demo-p-${next()}`,
        timestamp: new Date(t + Math.floor(rand() * 3_600_000)).toISOString(),
        provider: f.provider,
        model,
        project: f.project,
        feature: f.feature,
        team: f.team,
        user: `u-${customer}-${1 + Math.floor(rand() * 40)}`,
        customer,
        environment: "prod",
        latency_ms: latency,
        ttft_ms: Math.round(latency * (0.1 + 0.1 * rand())),
        ...(rand() < 0.008 ? { status: "error", http_status: 500 } : { status: "ok", http_status: 200 }),
        tags,
        usage: plantedUsage(f, input, output),
      };
    }
  }
}

function plantedUsage(f: Planted, input: number, output: number) {
  const cached = f.cachedShare ? Math.floor(input * f.cachedShare) : 0;
  if (f.provider === "anthropic") {
    return { input_tokens: input - cached, cache_read_input_tokens: cached, cache_creation_input_tokens: 0, output_tokens: output };
  }
  return { prompt_tokens: input, completion_tokens: output, total_tokens: input + output, prompt_tokens_details: { cached_tokens: cached } };
}
