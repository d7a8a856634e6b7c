import "server-only";
import { replayScenario } from "@/lib/whatif/replay";
import type { Scenario } from "@/lib/whatif-contract/scenario";

/**
 * The one place recommendations ask the what-if replay: every savings figure a finder states is the
 * replay's monthly_saved_usd for the candidate's scenario, so the page, the API and "Run what-if" agree.
 */
export async function replayedMonthlySavings(orgId: string, scenario: Scenario): Promise<{ monthlyUsd: string; unpriced: number }> {
  const r = await replayScenario(orgId, scenario);
  return { monthlyUsd: r.monthly_saved_usd, unpriced: r.unpriced_requests };
}
