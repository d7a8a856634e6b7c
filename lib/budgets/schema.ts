/**
 * The budget body of the API, the CLI and the form, one schema for all three: field names as in the
 * API (snake_case), every error naming the field and what was expected. Pure: no data access.
 */
import { z } from "zod";
import { DIMENSIONS, MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";
import { AMOUNT_PATTERN } from "./money";
import { PERIODS, isValidTimeZone } from "./period";

const scope = z
  .record(z.string(), z.unknown())
  .superRefine((obj, ctx) => {
    for (const [k, v] of Object.entries(obj)) {
      if (!(DIMENSIONS as readonly string[]).includes(k)) {
        ctx.addIssue({ code: "custom", path: [k], message: `unknown dimension; expected one of ${DIMENSIONS.join(", ")}` });
      } else if (typeof v !== "string" || v.trim().length === 0 || v.length > MAX_DIMENSION_VALUE_LENGTH) {
        ctx.addIssue({ code: "custom", path: [k], message: `expected a non-empty string of at most ${MAX_DIMENSION_VALUE_LENGTH} characters` });
      }
    }
  })
  // Stored dimension values are trimmed NFC: a scope must be written the same way to match them.
  .transform((obj) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, String(v).trim().normalize("NFC")])) as Record<string, string>);

const amount = z
  .union([z.string(), z.number()], { error: 'expected a decimal string such as "1000" or "250.50"' })
  .transform((v) => String(v).trim())
  .refine((v) => AMOUNT_PATTERN.test(v), { message: 'expected a positive decimal string with at most 6 decimals, such as "1000" or "250.50"' })
  .refine((v) => /[1-9]/.test(v), { message: "expected an amount above 0" });

const thresholds = z
  .array(z.number({ error: "expected numbers" }).gt(0, { message: "each threshold must be above 0" }).max(1000, { message: "each threshold must be at most 1000 (%)" }), {
    error: "expected an array of percentages such as [50, 75, 90, 100]",
  })
  .min(1, { message: "expected at least one threshold" })
  .max(10, { message: "expected at most 10 thresholds" })
  .transform((a) => [...new Set(a)].sort((x, y) => x - y));

const fields = {
  name: z.string({ error: "expected a string" }).trim().min(1, { message: "expected a non-empty name" }).max(200, { message: "expected at most 200 characters" }),
  scope: scope,
  amount_usd: amount,
  period: z.enum(PERIODS, { error: `expected one of ${PERIODS.join(", ")}` }),
  timezone: z.string({ error: "expected an IANA time zone such as Europe/Berlin" }).refine(isValidTimeZone, { message: "expected an IANA time zone such as Europe/Berlin or UTC" }),
  thresholds,
  forecast_alerts: z.boolean({ error: "expected true or false" }),
  channels: z.array(z.string().min(1).max(100), { error: "expected an array of channel ids" }).max(50, { message: "expected at most 50 channels" }),
  block_at_percent: z.number({ error: "expected a number" }).int({ message: "expected an integer percentage" }).min(1, { message: "expected at least 1" }).max(1000, { message: "expected at most 1000" }),
  fiscal_year_start_month: z.number({ error: "expected a month number" }).int({ message: "expected an integer 1-12" }).min(1, { message: "expected 1-12" }).max(12, { message: "expected 1-12" }),
  week_starts_on: z.number({ error: "expected a weekday number" }).int({ message: "expected 0 (Sunday) to 6 (Saturday)" }).min(0, { message: "expected 0-6" }).max(6, { message: "expected 0-6" }),
  parent_id: z.string({ error: "expected a budget id or null" }).min(1).max(100).nullable(),
};

export const createBudgetSchema = z.strictObject(
  {
    name: fields.name,
    scope: fields.scope.default({}),
    amount_usd: fields.amount_usd,
    period: fields.period,
    timezone: fields.timezone.default("UTC"),
    thresholds: fields.thresholds.default([50, 75, 90, 100]),
    forecast_alerts: fields.forecast_alerts.default(true),
    channels: fields.channels.default([]),
    block_at_percent: fields.block_at_percent.default(100),
    fiscal_year_start_month: fields.fiscal_year_start_month.default(1),
    week_starts_on: fields.week_starts_on.default(1),
    parent_id: fields.parent_id.default(null),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")}` : "expected a JSON object") },
);

export const updateBudgetSchema = z.strictObject(
  {
    name: fields.name.optional(),
    scope: fields.scope.optional(),
    amount_usd: fields.amount_usd.optional(),
    period: fields.period.optional(),
    timezone: fields.timezone.optional(),
    thresholds: fields.thresholds.optional(),
    forecast_alerts: fields.forecast_alerts.optional(),
    channels: fields.channels.optional(),
    block_at_percent: fields.block_at_percent.optional(),
    fiscal_year_start_month: fields.fiscal_year_start_month.optional(),
    week_starts_on: fields.week_starts_on.optional(),
    parent_id: fields.parent_id.optional(),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")}` : "expected a JSON object") },
);

export type CreateBudgetInput = z.input<typeof createBudgetSchema>;
export type UpdateBudgetInput = z.input<typeof updateBudgetSchema>;

/** "<field>: <what was expected>" lines for an API error's details. */
export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`);
}
