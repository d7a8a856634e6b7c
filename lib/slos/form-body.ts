/**
 * The SLO form's fields as the API's body, so the form meets the same validation (lib/slos/schema.ts)
 * and the same messages. Numbers that do not parse stay text, so the error says what was expected.
 * Pure.
 */
import { DIMENSIONS } from "@/lib/domain/event";

const num = (v: FormDataEntryValue | null) => {
  const s = String(v ?? "").trim();
  return s !== "" && Number.isFinite(Number(s)) ? Number(s) : s;
};

export function sloBodyFromForm(form: FormData): Record<string, unknown> {
  const scope: Record<string, string> = {};
  for (const d of DIMENSIONS) {
    const v = String(form.get(`scope_${d}`) ?? "").trim();
    if (v) scope[d] = v;
  }
  const objective = String(form.get("objective") ?? "");
  const body: Record<string, unknown> = {
    name: String(form.get("name") ?? ""),
    scope,
    objective,
    target: num(form.get("target")),
    window: String(form.get("window") ?? "rolling"),
    window_days: num(form.get("window_days") || "30"),
    enabled: form.get("enabled") === "on",
  };
  const threshold = String(form.get("threshold") ?? "").trim();
  // error_rate and cache_hit_rate take none: a value left in the hidden field is not an error.
  if (threshold && objective !== "error_rate" && objective !== "cache_hit_rate") body.threshold = threshold;
  const action = String(form.get("action") ?? "").trim();
  if (objective === "cost_per_action") body.action = action;
  return body;
}
