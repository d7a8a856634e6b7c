import type { SourceType } from "@/lib/source-contract/collector";

/**
 * The Add-source form's fields per type. Only a rendering hint: the collector's zod schema decides what
 * is valid (its messages come back next to the form), so a field missing here can still be sent by API.
 */
export type FormField = {
  name: string;
  label: string;
  kind: "text" | "password" | "url" | "number" | "select";
  required?: boolean;
  placeholder?: string;
  options?: readonly string[];
  help?: string;
};

export const TYPE_LABELS: Record<SourceType, string> = {
  openai: "OpenAI (Usage and Costs API)",
  anthropic: "Anthropic (Admin API usage and cost)",
  prometheus_scrape: "Prometheus scrape (vLLM, SGLang, TGI, DCGM)",
  prometheus_api: "Prometheus query_range",
};

const backfill: FormField = { name: "backfill_days", label: "Backfill days", kind: "number", placeholder: "30", help: "days of history pulled on creation" };
const kind: FormField = { name: "kind", label: "Kind", kind: "select", required: true, options: ["vllm", "sglang", "tgi", "dcgm"] };
const interval: FormField = { name: "interval_s", label: "Interval (s)", kind: "number", placeholder: "15", help: "5 s or more" };
const bearer: FormField = { name: "bearer_token", label: "Bearer token (optional)", kind: "password" };

export const FORM_FIELDS: Record<SourceType, FormField[]> = {
  openai: [
    { name: "admin_key", label: "Admin key", kind: "password", required: true, placeholder: "sk-admin-…" },
    { name: "base_url", label: "Base URL (optional)", kind: "url", placeholder: "https://api.openai.com/v1" },
    backfill,
  ],
  anthropic: [
    { name: "admin_key", label: "Admin key", kind: "password", required: true, placeholder: "sk-ant-admin…" },
    { name: "base_url", label: "Base URL (optional)", kind: "url", placeholder: "https://api.anthropic.com" },
    backfill,
  ],
  prometheus_scrape: [{ name: "url", label: "Metrics URL", kind: "url", required: true, placeholder: "http://gpu-node-1:9400/metrics" }, kind, interval, bearer],
  prometheus_api: [{ name: "base_url", label: "Prometheus URL", kind: "url", required: true, placeholder: "http://prometheus:9090" }, kind, interval, bearer, backfill],
};

/** The config object a submitted form stands for: empty fields are left out (a PATCH then keeps them). */
export function configFromForm(type: SourceType, get: (name: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS[type]) {
    const raw = get(f.name).trim();
    if (raw === "") continue;
    out[f.name] = f.kind === "number" && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}
