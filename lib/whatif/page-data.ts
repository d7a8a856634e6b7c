import "server-only";
/**
 * What the scenario builder offers: the organization's dimension values (the rollup's most recent
 * 90 days, one scan), its self-hosted deployments, and the scenario of the URL (`?scenario=<JSON>`,
 * as the Recommendations page links it), read through the API's own validation.
 */
import { chQuery } from "@/lib/clickhouse/query";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { listDeployments } from "@/lib/selfhosted/deployments";
import type { Scenario } from "@/lib/whatif-contract/scenario";
import { parseScenario } from "./schema";
import { SPEND_HOURLY } from "@/lib/clickhouse/tables";

const VALUES_PER_DIMENSION = 200;
const LOOKBACK_DAYS = 90;

export type WhatifPageData = {
  values: Record<Dimension, string[]>;
  deployments: string[];
  scenario: Scenario | null;
  notice: string | null;
};

export async function dimensionValues(orgId: string, now = Date.now()): Promise<Record<Dimension, string[]>> {
  const cols = DIMENSIONS.map((d) => `groupUniqArray(${VALUES_PER_DIMENSION})(${d}) AS ${d}`).join(", ");
  const [row] = await chQuery<Record<Dimension, string[]>>(
    `SELECT ${cols} FROM ${SPEND_HOURLY} WHERE org_id = {org:String} AND hour >= toDateTime({from:UInt32}, 'UTC')`,
    { tag: "whatif.values", params: { org: orgId, from: Math.floor(now / 1000) - LOOKBACK_DAYS * 86_400 } },
  );
  return Object.fromEntries(DIMENSIONS.map((d) => [d, [...(row?.[d] ?? [])].filter((v) => v !== "").sort()])) as Record<Dimension, string[]>;
}

export function scenarioFromParam(raw: string | undefined): { scenario: Scenario | null; notice: string | null } {
  if (!raw) return { scenario: null, notice: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { scenario: null, notice: "The scenario in the link is not valid JSON." };
  }
  const p = parseScenario(json);
  return p.ok ? { scenario: p.scenario, notice: null } : { scenario: null, notice: `The scenario in the link could not be used: ${p.errors.join("; ")}.` };
}

export async function whatifPageData(orgId: string, scenarioParam: string | undefined): Promise<WhatifPageData> {
  const [values, deployments] = await Promise.all([dimensionValues(orgId), listDeployments(orgId)]);
  return { values, deployments: deployments.map((d) => d.name), ...scenarioFromParam(scenarioParam) };
}
