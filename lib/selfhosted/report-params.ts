/** Query string of GET /api/v1/self-hosted: from, to (ISO 8601, default the last 7 days), group_by. Pure. */
import { z } from "zod";
import { GROUP_BYS, type GroupBy } from "./types";

const MAX_RANGE_MS = 400 * 86_400_000;

const schema = z.strictObject({
  from: z.iso.datetime({ offset: true, error: "expected an ISO 8601 time such as 2026-12-01T00:00:00Z" }).optional(),
  to: z.iso.datetime({ offset: true, error: "expected an ISO 8601 time such as 2026-12-01T00:00:00Z" }).optional(),
  group_by: z.enum(GROUP_BYS, { error: `expected one of ${GROUP_BYS.join(", ")}` }).default("deployment"),
});

export type ReportParams = { fromMs: number; toMs: number; groupBy: GroupBy };

export function parseReportParams(sp: URLSearchParams, nowMs: number): { ok: true; value: ReportParams } | { ok: false; errors: string[] } {
  const p = schema.safeParse(Object.fromEntries(sp));
  if (!p.success) return { ok: false, errors: p.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`) };
  const toMs = p.data.to ? Date.parse(p.data.to) : nowMs;
  const fromMs = p.data.from ? Date.parse(p.data.from) : toMs - 7 * 86_400_000;
  if (!(fromMs < toMs)) return { ok: false, errors: ["from: expected a time before to"] };
  if (toMs - fromMs > MAX_RANGE_MS) return { ok: false, errors: ["from: expected a range of at most 400 days"] };
  return { ok: true, value: { fromMs, toMs, groupBy: p.data.group_by } };
}
