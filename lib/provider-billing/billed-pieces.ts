import { allocateByWeight } from "./allocate";
import { modelFamily } from "./model-names";
import { zeroTokens, type BilledTokens } from "./types";

/**
 * The billed side of reconciliation at its finest grain: one piece per day, provider, product
 * project/team and model family, with the provider's tokens and what it billed.
 *
 * How a day's bill is tied to models and keys (documented in the README):
 * - A day a source's cost report covers: each cost line naming a model (OpenAI token line items
 *   "<model>, input", Anthropic descriptions grouped by model) is split over that day's usage rows of
 *   the same project/workspace and model family, in proportion to their catalog price (tokens where
 *   unpriced); lines naming no model (tools, web search, storage) over all usage rows of the
 *   project/workspace the same way. A cost line with no usage to carry it stays a row of its own
 *   (model as named, or "" when none). Splits are exact to the pico-dollar (largest remainder).
 * - A day a source's cost report does not cover (the provider publishes costs with a delay; the
 *   current day): usage x catalog price (lib/pricing, with the organization's overrides); a model with
 *   no price is unpriced (its tokens counted in billed_unpriced_tokens), never $0.
 */
export type UsageIn = { day: Date; sourceId: string; provider: string; projectId: string; apiKeyId: string; model: string; tokens: BilledTokens; requests: number };
export type CostIn = { day: Date; sourceId: string; provider: string; projectId: string; model: string; amountPico: bigint };

export type BilledPiece = {
  day: Date;
  provider: string;
  model: string;
  project: string;
  team: string;
  /** null: no cost report and no price */
  pico: bigint | null;
  tokens: BilledTokens;
  requests: number;
  basis: "cost_report" | "usage_x_catalog";
};

export function billedPieces(
  usage: UsageIn[],
  costs: CostIn[],
  price: (u: UsageIn) => bigint | null,
  resolve: (provider: string, projectId: string, apiKeyId: string) => { project: string; team: string },
): BilledPiece[] {
  const daySource = (r: { day: Date; sourceId: string }) => `${r.day.getTime()}|${r.sourceId}`;
  const costed = new Set(costs.map(daySource));
  const prices = usage.map(price);
  const allocated: bigint[] = usage.map(() => 0n);
  const out: BilledPiece[] = [];

  const byProject = new Map<string, number[]>();
  usage.forEach((u, i) => {
    const k = `${daySource(u)}|${u.projectId}`;
    byProject.set(k, [...(byProject.get(k) ?? []), i]);
  });
  const weight = (i: number) => prices[i] ?? BigInt(Object.values(usage[i].tokens).reduce((s, n) => s + n, 0));

  for (const c of costs) {
    const candidates = byProject.get(`${daySource(c)}|${c.projectId}`) ?? [];
    const targets = c.model ? candidates.filter((i) => modelFamily(usage[i].model) === modelFamily(c.model)) : candidates;
    if (targets.length === 0) {
      const { project, team } = resolve(c.provider, c.projectId, "");
      out.push({ day: c.day, provider: c.provider, model: modelFamily(c.model), project, team, pico: c.amountPico, tokens: zeroTokens(), requests: 0, basis: "cost_report" });
      continue;
    }
    allocateByWeight(c.amountPico, targets.map(weight)).forEach((p, j) => (allocated[targets[j]] += p));
  }

  usage.forEach((u, i) => {
    const { project, team } = resolve(u.provider, u.projectId, u.apiKeyId);
    const fromCost = costed.has(daySource(u));
    out.push({
      day: u.day,
      provider: u.provider,
      model: modelFamily(u.model),
      project,
      team,
      pico: fromCost ? allocated[i] : prices[i],
      tokens: u.tokens,
      requests: u.requests,
      basis: fromCost ? "cost_report" : "usage_x_catalog",
    });
  });
  return out;
}
