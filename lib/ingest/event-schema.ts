import { z } from "zod";
import { USAGE_FORMATS } from "./usage";
import { textField, tagsField } from "./text-fields";
import { MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";

const label = (name: string) =>
  textField(name, { typeError: `${name}: expected a string`, max: MAX_DIMENSION_VALUE_LENGTH, canonical: true })
    .optional()
    .default("");

const headroomNumber = (name: string, max: number) =>
  z
    .number({ error: `rate_limit.${name}: expected a non-negative number` })
    .nonnegative(`rate_limit.${name}: expected a non-negative number`)
    .max(max, `rate_limit.${name}: at most ${max}`)
    .optional()
    .nullable();

/**
 * What the provider's x-ratelimit-* / anthropic-ratelimit-* response headers said about this call.
 * Strict: a misspelt key would otherwise drop the figure silently and the headroom would read unknown.
 */
export const RATE_LIMIT_FIELDS = ["requests_limit", "requests_remaining", "tokens_limit", "tokens_remaining", "requests_reset_s", "tokens_reset_s"] as const;
const rateLimitSchema = z
  .object(
    {
      requests_limit: headroomNumber("requests_limit", 1e12),
      requests_remaining: headroomNumber("requests_remaining", 1e12),
      tokens_limit: headroomNumber("tokens_limit", 1e15),
      tokens_remaining: headroomNumber("tokens_remaining", 1e15),
      requests_reset_s: headroomNumber("requests_reset_s", 31_622_400),
      tokens_reset_s: headroomNumber("tokens_reset_s", 31_622_400),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `rate_limit: unknown field ${iss.keys.join(", ")}; expected any of ${RATE_LIMIT_FIELDS.join(", ")}`
          : `rate_limit: expected an object with any of ${RATE_LIMIT_FIELDS.join(", ")}`,
    },
  )
  .strict();

/** One event as sent to POST /api/v1/events. Only id, timestamp, provider, model and usage are required. */
export const eventSchema = z.object({
  id: textField("id", { typeError: "id: expected a string (your idempotency key)", empty: "id: must not be empty", max: 256 }),
  timestamp: z.union([z.string(), z.number()], { error: "timestamp: expected an RFC 3339 string or unix seconds" }),
  provider: textField("provider", {
    typeError: 'provider: expected a string such as "openai" or "anthropic"',
    empty: "provider: must not be empty",
    max: 64,
    lowerCase: true,
    canonical: true,
  }),
  model: textField("model", { typeError: "model: expected a string", empty: "model: must not be empty", max: MAX_DIMENSION_VALUE_LENGTH, canonical: true }),
  project: label("project"),
  feature: label("feature"),
  team: label("team"),
  user: label("user"),
  customer: label("customer"),
  environment: label("environment"),
  // Required: a missing key must get this message, not zod's generic "expected nonoptional".
  usage: z.custom<unknown>((v) => v !== undefined && v !== null, {
    error: "usage: required (the provider's usage object or {input_tokens, output_tokens, ...})",
  }),
  usage_format: z.enum(USAGE_FORMATS as [string, ...string[]], { error: `usage_format: expected one of ${USAGE_FORMATS.join(", ")}` }).optional(),
  latency_ms: z.number({ error: "latency_ms: expected a number of milliseconds" }).nonnegative("latency_ms: must not be negative").max(86_400_000).optional().nullable(),
  status: z.enum(["ok", "error"], { error: 'status: expected "ok" or "error"' }).optional().default("ok"),
  cache: z.enum(["hit", "miss"], { error: 'cache: expected "hit" or "miss"' }).optional().nullable(),
  tags: tagsField.optional().default(() => ({})),
  http_status: z
    .number({ error: "http_status: expected an integer HTTP status code from 100 to 599" })
    .int("http_status: expected an integer HTTP status code from 100 to 599")
    .min(100, "http_status: expected an integer HTTP status code from 100 to 599")
    .max(599, "http_status: expected an integer HTTP status code from 100 to 599")
    .optional()
    .nullable(),
  ttft_ms: z.number({ error: "ttft_ms: expected a number of milliseconds" }).nonnegative("ttft_ms: must not be negative").max(86_400_000, "ttft_ms: at most 86400000 (one day)").optional().nullable(),
  rate_limit: rateLimitSchema.optional().nullable(),
});
export type EventInput = z.input<typeof eventSchema>;

/** Batch envelope; events stay unknown here so one bad event cannot fail the batch. */
export const batchSchema = z.object({
  events: z
    .array(z.unknown(), { error: "events: expected an array of events" })
    .min(1, "events: send at least one event")
    .max(1000, "events: at most 1000 events per request"),
});

const MAX_FUTURE_MS = 24 * 3600 * 1000;

export function parseTimestamp(v: string | number, now = Date.now()): Date | string {
  let d: Date;
  if (typeof v === "number") {
    if (!Number.isFinite(v) || v <= 0) return "timestamp: expected unix seconds > 0";
    // Values above 1e11 can only be milliseconds (year 5138 in seconds).
    d = new Date(v > 1e11 ? v : v * 1000);
  } else {
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(v.trim()))
      return `timestamp: expected RFC 3339 with a time zone, e.g. 2026-11-20T10:00:00Z, got ${JSON.stringify(v)}`;
    d = new Date(v.trim());
    // Date() rolls impossible days over (2026-02-30 becomes March 2): refuse them instead.
    const [y, mo, day] = v.trim().slice(0, 10).split("-").map(Number);
    if (mo < 1 || mo > 12 || day < 1 || day > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return `timestamp: not a valid date: ${JSON.stringify(v)}`;
  }
  if (Number.isNaN(d.getTime())) return `timestamp: not a valid date: ${JSON.stringify(v)}`;
  if (d.getTime() > now + MAX_FUTURE_MS) return `timestamp: ${d.toISOString()} is more than 24 hours in the future`;
  if (d.getUTCFullYear() < 2000) return `timestamp: ${d.toISOString()} is before the year 2000`;
  return d;
}

export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const path = i.path.join(".");
    // Our messages already start with the field name; zod's defaults do not.
    return path && !i.message.startsWith(String(i.path[0])) ? `${path}: ${i.message}` : i.message;
  });
}
