import "server-only";
import { parseHealthQuery } from "./params";
import { healthSeries, providerHealth } from "./health-query";
import { readHealthSettings } from "./settings";

export const HEALTH_PRESETS = [
  { key: "1d", label: "24 h" },
  { key: "7d", label: "7 days" },
  { key: "30d", label: "30 days" },
];

/** What the Providers page shows: the API's answer for the same range. */
export async function loadProviderHealthPage(orgId: string, rangeParam: string | undefined) {
  const range = HEALTH_PRESETS.some((p) => p.key === rangeParam) ? rangeParam! : "7d";
  const now = new Date();
  // "1d" is not an overview preset: the last 24 hours up to the end of this hour.
  const sp = new URLSearchParams(range === "1d" ? { from: new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 23 * 3_600_000).toISOString(), to: new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000).toISOString() } : { range });
  const q = parseHealthQuery(sp, now);
  if (!q.ok) throw new Error(q.errors.join("; "));
  const [rows, series, settings] = await Promise.all([providerHealth(orgId, q.from, q.to), healthSeries(orgId, q.from, q.to), readHealthSettings(orgId)]);
  return { range, query: sp.toString(), answer: { from: q.from.toISOString(), to: q.to.toISOString(), settings, rows, series } };
}
