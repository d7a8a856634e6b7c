/**
 * Audit rows keep what changed, never a secret: any field whose name says it holds one is replaced,
 * at any depth, before the row is written. Callers still should not pass secrets; this is the net.
 */
const SECRET_FIELD = /(secret|password|passwd|token|api_?key|admin_?key|routing_?key|webhook_?url|^url$|authorization|credential|hash|smtp_?pass|config_?enc)/i;

export const REDACTED = "[redacted]";

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELD.test(k) && v !== null && v !== undefined && v !== "" ? REDACTED : redact(v, depth + 1);
    return out;
  }
  return value;
}
