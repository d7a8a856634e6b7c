import "server-only";
import type { Candidate, Finder } from "@/lib/recommendation-contract/candidate";
import { cheaperTier, isFrontier } from "../cheaper-tier";
import { REPLAY_METHOD, candidate, int, pct, scenarioFor, worthIt } from "../candidate-parts";
import { replayedMonthlySavings } from "../replay-savings";
import { totalInput, trafficProfile } from "../traffic-profile";

/** Fewer requests than this in the window say too little about a feature's shape. */
export const MIN_REQUESTS = 200;
/** "Short outputs": 95% of answers fit in a paragraph; drafting, code and reports run far longer. */
export const SIMPLE_P95_OUTPUT_TOKENS = 300;
/** "Classification-like": half the answers are a label or a number, a few tokens (high confidence). */
export const CLASSIFICATION_P50_OUTPUT_TOKENS = 20;
/** Low reasoning: a feature that thinks hard before a short answer is not simple. */
export const MAX_REASONING_SHARE = 0.05;

/** Features on a frontier model whose requests look simple: route them to the cheaper tier. */
export const findModelRouting: Finder = async (ctx) => {
  const out: Candidate[] = [];
  for (const r of await trafficProfile(ctx)) {
    const ok = r.requests - r.errors;
    if (r.requests < MIN_REQUESTS || ok <= 0 || r.output <= 0) continue;
    if (!isFrontier(r.provider, r.model, ctx.to)) continue;
    const reasoningShare = r.reasoning / r.output;
    if (r.outP95 > SIMPLE_P95_OUTPUT_TOKENS || reasoningShare > MAX_REASONING_SHARE) continue;
    const tier = cheaperTier(r.provider, r.model, ctx.to, totalInput(r) / r.requests, r.output / r.requests);
    if (!tier) continue;
    const scenario = scenarioFor(r, ctx, { kind: "route", to_provider: tier.provider, to_model: tier.model, share: 1 });
    const { monthlyUsd } = await replayedMonthlySavings(ctx.orgId, scenario);
    if (!worthIt(monthlyUsd)) continue;
    const classification = r.outP50 <= CLASSIFICATION_P50_OUTPUT_TOKENS;
    out.push(
      candidate({
        kind: "model_routing",
        row: r,
        ctx,
        title: `Route ${r.feature} from ${r.model} to ${tier.model}`,
        evidence: [
          { label: "Requests in window", value: int(r.requests) },
          { label: "Output tokens p50 / p95 / p99", value: `${int(r.outP50)} / ${int(r.outP95)} / ${int(r.outP99)}` },
          { label: "Reasoning share of output", value: pct(reasoningShare) },
          { label: "Mean input tokens per request", value: int(totalInput(r) / r.requests) },
          { label: `Price of ${tier.model} on this mix`, value: `${pct(tier.ratio)} of ${r.model}` },
        ],
        monthly: monthlyUsd,
        scenario,
        method: REPLAY_METHOD,
        confidence: classification ? "high" : "medium",
        risk: `Answer quality may drop on ${tier.model}. Route 5% of ${r.feature} first and compare its outcomes (accuracy on a labelled sample, user feedback) before moving the rest.`,
      }),
    );
  }
  return out;
};
