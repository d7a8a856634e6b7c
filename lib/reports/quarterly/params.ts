import { z } from "zod";
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
  const raw: Record<string, string> = Object.create(null);
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    const values = sp.getAll(key);
    if (values.length > 1) errors.push(`${key}: given ${values.length} times, expected once`);
    else raw[key] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      if (i.code === "unrecognized_keys") errors.push(`unknown parameter${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")}: expected quarter, format, section or top`);
      else errors.push(`${String(i.path[0])}: ${i.message}`);
    }
  }
  const quarter = parseQuarter(raw.quarter ?? quarterLabel(quarterOf(now)), now);
  if (!quarter.ok) errors.push(quarter.error);
  if (raw.section !== undefined && raw.format !== "csv") errors.push("section: only with format=csv (the JSON and the PDF hold every section)");
  if (errors.length || !parsed.success || !quarter.ok) return { ok: false, errors };
  return { ok: true, value: { quarter: quarter.value, format: parsed.data.format ?? "json", section: parsed.data.section ?? "summary", top: parsed.data.top ?? 10 } };
}
