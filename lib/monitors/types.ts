/**
 * A monitor's configuration as the evaluator, the API and the screen see it, and the zod schemas
 * that guard every way in (API bodies, forms, stored JSON columns). Pure: safe in client components.
 */
import { z } from "zod";
import { DIMENSIONS, MAX_DIMENSION_VALUE_LENGTH, type Dimension } from "@/lib/domain/event";

export const MONITOR_KINDS = ["anomaly", "cost_per_request", "runaway"] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

export const SENSITIVITIES = ["low", "medium", "high"] as const;
export type Sensitivity = (typeof SENSITIVITIES)[number];

/** "" watches the organization's total; a dimension makes each of its values a series. */
export type MonitorDimension = Dimension | "";

export type MonitorScope = Partial<Record<Dimension, string[]>>;

export type MonitorConfig = {
  id: string;
  orgId: string;
  name: string;
  dimension: MonitorDimension;
  scope: MonitorScope;
  /** USD per day (average of the last 7 days) below which a series is ignored */
  minSpendUsd: number;
  /** exact decimal string of minSpendUsd, as stored and answered by the API */
  minSpendUsdExact: string;
  kinds: MonitorKind[];
  sensitivity: Sensitivity;
  enabled: boolean;
  channelIds: string[];
  createdAt: Date;
  updatedAt: Date;
};

const decimalUsd = z
  .union([z.string(), z.number()])
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((s) => /^\d{1,12}(\.\d{1,6})?$/.test(s), "expected a non-negative USD amount with at most 6 decimals, e.g. \"5\" or \"12.50\"");

const dimensionValue = z.string().trim().min(1, "expected a non-empty value").max(MAX_DIMENSION_VALUE_LENGTH, `expected at most ${MAX_DIMENSION_VALUE_LENGTH} characters`);

/** {"feature": "search"} or {"feature": ["search", "chat"]}: one or several values per dimension. */
export const scopeSchema = z
  .record(z.string(), z.union([dimensionValue, z.array(dimensionValue).min(1).max(100)], { error: "expected a non-empty value or a list of 1-100 values" }))
  .superRefine((r, ctx) => {
    for (const k of Object.keys(r)) {
      if (!(DIMENSIONS as readonly string[]).includes(k)) ctx.addIssue({ code: "custom", path: [k], message: `expected a dimension among ${DIMENSIONS.join(", ")}` });
    }
  })
  .transform((r) => {
    const out: MonitorScope = {};
    for (const [k, v] of Object.entries(r)) out[k as Dimension] = Array.isArray(v) ? v.map((s) => s.normalize("NFC")) : [v.normalize("NFC")];
    return out;
  });

const fields = {
  name: z.string().trim().min(1, "expected a non-empty name").max(120, "expected at most 120 characters"),
  dimension: z.enum(["", ...DIMENSIONS], { error: `expected "" (the organization's total) or one of ${DIMENSIONS.join(", ")}` }),
  scope: scopeSchema,
  min_spend_usd: decimalUsd,
  kinds: z
    .array(z.enum(MONITOR_KINDS, { error: `expected kinds among ${MONITOR_KINDS.join(", ")}` }))
    .min(1, "expected at least one kind")
    .transform((ks) => [...new Set(ks)]),
  sensitivity: z.enum(SENSITIVITIES, { error: `expected one of ${SENSITIVITIES.join(", ")}` }),
  enabled: z.boolean({ error: "expected true or false" }),
  channels: z.array(z.string().min(1).max(64)).max(20, "expected at most 20 channel ids"),
};

export const createMonitorSchema = z.strictObject({
  name: fields.name,
  dimension: fields.dimension.default(""),
  scope: fields.scope.default({}),
  min_spend_usd: fields.min_spend_usd.default("0"),
  kinds: fields.kinds.default(["anomaly", "cost_per_request"]),
  sensitivity: fields.sensitivity.default("medium"),
  enabled: fields.enabled.default(true),
  channels: fields.channels.default([]),
});
export type CreateMonitorInput = z.output<typeof createMonitorSchema>;

export const updateMonitorSchema = z.strictObject({
  name: fields.name.optional(),
  dimension: fields.dimension.optional(),
  scope: fields.scope.optional(),
  min_spend_usd: fields.min_spend_usd.optional(),
  kinds: fields.kinds.optional(),
  sensitivity: fields.sensitivity.optional(),
  enabled: fields.enabled.optional(),
  channels: fields.channels.optional(),
});
export type UpdateMonitorInput = z.output<typeof updateMonitorSchema>;

/** zod issues as "<field>: <what was expected>", the API's `details`. */
export function issueDetails(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`);
}

/** The stored JSON columns, read defensively: a damaged row disables its part rather than crashing a pass. */
export function parseStoredScope(json: string): MonitorScope {
  const r = scopeSchema.safeParse(safeJson(json));
  return r.success ? r.data : {};
}

export function parseStoredKinds(json: string): MonitorKind[] {
  const v = safeJson(json);
  return Array.isArray(v) ? (v.filter((k) => (MONITOR_KINDS as readonly string[]).includes(k)) as MonitorKind[]) : [];
}

export function parseStoredIds(json: string): string[] {
  const v = safeJson(json);
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}
