import "server-only";
import { z } from "zod";
import { openSecret, sealSecret } from "@/lib/secrets/secret-box";
import type { Collector } from "@/lib/source-contract/collector";

/** How a secret config field is stored: sealed (lib/secrets) with the last 4 characters for recognition. */
export type SealedField = { $sealed: string; hint: string };
/** What the API shows of a secret field. */
export type SecretView = { set: true; hint: string };

const baseUrlSchema = z.url({ protocol: /^https?$/, error: "expected an http(s) URL, e.g. https://api.openai.com/v1" });

export type ConfigResult = { ok: true; config: Record<string, unknown> } | { ok: false; details: string[] };

const prefixed = (e: z.ZodError) => e.issues.map((i) => `config.${i.path.join(".") || "(root)"}: ${i.message}`);

/**
 * Validates a config with the collector's own schema, the authority on its fields. `base_url` is
 * accepted by every type (a proxy, or a local server in tests) even when a collector's strict schema
 * does not list it: it is checked here and put back after the collector's schema ran.
 */
export function validateConfig(collector: Collector, raw: unknown): ConfigResult {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, details: ["config: expected an object with the source's settings"] };
  const input = raw as Record<string, unknown>;
  const details: string[] = [];
  let baseUrl: string | undefined;
  if (input.base_url !== undefined) {
    const b = baseUrlSchema.safeParse(input.base_url);
    if (b.success) baseUrl = b.data.replace(/\/+$/, "");
    else details.push(`config.base_url: ${b.error.issues[0].message}`);
  }
  let parsed = collector.configSchema.safeParse(input);
  if (!parsed.success && onlyBaseUrlUnknown(parsed.error)) {
    const { base_url: _, ...rest } = input;
    parsed = collector.configSchema.safeParse(rest);
  }
  if (!parsed.success) details.push(...prefixed(parsed.error).filter((d) => !d.startsWith("config.base_url:") || baseUrl === undefined));
  if (details.length || !parsed.success) return { ok: false, details: [...new Set(details)] };
  return { ok: true, config: baseUrl === undefined ? parsed.data : { ...parsed.data, base_url: baseUrl } };
}

function onlyBaseUrlUnknown(e: z.ZodError): boolean {
  const unknown = e.issues.filter((i) => i.code === "unrecognized_keys");
  return unknown.length > 0 && unknown.some((i) => (i as { keys: string[] }).keys.includes("base_url"));
}

function isSealed(v: unknown): v is SealedField {
  return !!v && typeof v === "object" && typeof (v as SealedField).$sealed === "string";
}

/** A short secret would be given away by its tail, so only long ones get a hint. */
function hintOf(secret: string): string {
  return secret.length >= 12 ? secret.slice(-4) : "";
}

/** The config as stored: each secret field sealed. */
export function sealConfig(collector: Collector, config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...config };
  for (const f of collector.secretFields) {
    const v = out[f];
    if (typeof v === "string" && v !== "") out[f] = { $sealed: sealSecret(v), hint: hintOf(v) } satisfies SealedField;
  }
  return out;
}

/** The config a collector runs with (secrets decrypted). Throws when a secret cannot be opened (key rotated away). */
export function openConfig(stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) out[k] = isSealed(v) ? openSecret(v.$sealed) : v;
  return out;
}

/** The config the API and pages show: a secret only as set, with its last 4 characters. */
export function redactConfig(stored: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) out[k] = isSealed(v) ? ({ set: true, hint: v.hint ? `…${v.hint}` : "" } satisfies SecretView) : v;
  return out;
}

/** A PATCH's config over the current one: fields sent replace, `null` removes, fields not sent (a secret) stay. */
export function mergeConfig(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

/** Every secret value of a config, so texts can be scrubbed of them before they are stored or logged. */
export function secretValues(collector: Collector, config: Record<string, unknown>): string[] {
  return collector.secretFields.map((f) => config[f]).filter((v): v is string => typeof v === "string" && v.length >= 4);
}

export function scrubSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join("[redacted]");
  return out;
}

export function parseStoredConfig(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}
