import "server-only";
/** The page's deployment form -> the API body (validated by the same schema), and the form's state. */
import { HttpError } from "@/lib/http/body";

/** `values`: what was sent, so a refused form comes back filled in (React resets a form after its action). */
export type DeploymentFormState = { ok: boolean; message: string; errors?: string[]; values?: Record<string, string> };

export const FORM_FIELDS = ["name", "model", "gpu_price_per_hour_usd", "match", "endpoints", "pricing_kind", "gpu_pricing"] as const;

export function formValues(form: FormData): Record<string, string> {
  return Object.fromEntries(FORM_FIELDS.map((k) => [k, String(form.get(k) ?? "").slice(0, 5000)]));
}

/** "hostname=node-a, pod=llama-0" -> {hostname: "node-a", pod: "llama-0"}; a malformed pair is kept for the schema to name. */
function pairs(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean)) {
    const i = part.indexOf("=");
    if (i <= 0) return part;
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

export function deploymentBodyFromForm(form: FormData): Record<string, unknown> | { invalid: string[] } {
  const s = (k: string) => String(form.get(k) ?? "").trim();
  const match = pairs(s("match"));
  if (typeof match === "string") return { invalid: [`match: expected label=value pairs separated by commas, got "${match}"`] };
  let gpuPricing: unknown = {};
  if (s("gpu_pricing")) {
    try {
      gpuPricing = JSON.parse(s("gpu_pricing"));
    } catch {
      return { invalid: ['gpu_pricing: expected JSON such as {"NVIDIA H100 80GB HBM3": {"on_demand": "2.49"}}'] };
    }
  }
  return {
    name: s("name"),
    model: s("model"),
    gpu_price_per_hour_usd: s("gpu_price_per_hour_usd"),
    pricing_kind: s("pricing_kind") || "on_demand",
    gpu_pricing: gpuPricing,
    match,
    endpoints: s("endpoints").split(/[,\s]+/).filter(Boolean),
  };
}

export async function deploymentFormResult(run: () => Promise<unknown>): Promise<DeploymentFormState> {
  try {
    await run();
    return { ok: true, message: "Saved." };
  } catch (err) {
    if (err instanceof HttpError) return { ok: false, message: "The deployment was not saved.", errors: err.details.length ? err.details : [err.message] };
    throw err;
  }
}
