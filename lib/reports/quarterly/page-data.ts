import "server-only";
import { parseQuarter, quarterLabel, quarterOf, recentQuarters } from "./quarter";
import { quarterlyReport } from "./report";
import type { QuarterlyReport } from "./types";

export type QuarterlyPageData = { ok: true; report: QuarterlyReport; quarters: string[] } | { ok: false; error: string; quarters: string[] };

/** The page reads ?quarter= like the API (default the current quarter) and shows a bad one as a message. */
export async function loadQuarterlyPage(orgId: string, search: Record<string, string | string[] | undefined>, now = new Date()): Promise<QuarterlyPageData> {
  const quarters = recentQuarters(now);
  const raw = search.quarter;
  const text = Array.isArray(raw) ? raw[0] : raw;
  const parsed = parseQuarter(text ?? quarterLabel(quarterOf(now)), now);
  if (!parsed.ok) return { ok: false, error: parsed.error, quarters };
  return { ok: true, report: await quarterlyReport(orgId, parsed.value.label, { now }), quarters };
}
