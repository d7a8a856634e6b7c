/**
 * The budget form's fields as an API body, so the screens meet the same validation as the API.
 * Pure; numbers the user left unreadable stay NaN and are refused by the schema with the field named.
 */
import { DIMENSIONS } from "@/lib/domain/event";

const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === "" ? Number.NaN : Number(String(v).trim()));
const list = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/[\s,]+/)
    .filter(Boolean);

export function budgetBodyFromForm(form: FormData): Record<string, unknown> {
  const scope: Record<string, string> = {};
  for (const d of DIMENSIONS) {
    const v = String(form.get(`scope_${d}`) ?? "").trim();
    if (v) scope[d] = v;
  }
  return {
    name: String(form.get("name") ?? ""),
    scope,
    amount_usd: String(form.get("amount_usd") ?? ""),
    period: String(form.get("period") ?? ""),
    timezone: String(form.get("timezone") ?? ""),
    fiscal_year_start_month: num(form.get("fiscal_year_start_month")),
    week_starts_on: num(form.get("week_starts_on")),
    thresholds: list(form.get("thresholds")).map(Number),
    block_at_percent: num(form.get("block_at_percent")),
    forecast_alerts: form.get("forecast_alerts") === "on",
    channels: list(form.get("channels")),
    parent_id: String(form.get("parent_id") ?? "") || null,
  };
}
