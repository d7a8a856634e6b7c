import { z } from "zod";
import { readQueryParams } from "@/lib/http/query-params";
import { parseQuarter, quarterLabel, quarterOf, type QuarterBounds } from "./quarter";
import { CSV_SECTIONS, type CsvSection } from "./tables";

/**
 * Query string of GET /api/v1/reports/quarterly: `quarter` (YYYY-Qn, UTC; default the current
 * quarter), `format` json | csv | pdf (default json), `section` (CSV only; default summary), `top`
 * (values listed per breakdown before "other", 1-100, default 10). Unknown parameters are refused.
 */
const schema = z
  .object({
    quarter: z.string().optional(),
    format: z.enum(["json", "csv", "pdf"], { error: "expected json, csv or pdf" }).optional(),
    section: z.enum(CSV_SECTIONS, { error: `expected one of ${CSV_SECTIONS.join(", ")}` }).optional(),
    top: z.coerce.number({ error: "expected an integer from 1 to 100" }).int("expected an integer from 1 to 100").min(1, "expected an integer from 1 to 100").max(100, "expected an integer from 1 to 100").optional(),
  })
  .strict();

export type ReportParams = { quarter: QuarterBounds; format: "json" | "csv" | "pdf"; section: CsvSection; top: number };

export function parseReportParams(sp: URLSearchParams, now = new Date()): { ok: true; value: ReportParams } | { ok: false; errors: string[] } {
  const { raw, parsed, errors } = readQueryParams(sp, schema, "quarter, format, section or top");
  const quarter = parseQuarter(raw.quarter ?? quarterLabel(quarterOf(now)), now);
  if (!quarter.ok) errors.push(quarter.error);
  if (raw.section !== undefined && raw.format !== "csv") errors.push("section: only with format=csv (the JSON and the PDF hold every section)");
  if (errors.length || !parsed.success || !quarter.ok) return { ok: false, errors };
  return { ok: true, value: { quarter: quarter.value, format: parsed.data.format ?? "json", section: parsed.data.section ?? "summary", top: parsed.data.top ?? 10 } };
}
