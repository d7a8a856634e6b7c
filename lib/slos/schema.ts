/**
 * The SLO body of the API and the form: snake_case fields, every error naming the field and what was
 * expected. Pure: no data access.
 */
import { z } from "zod";
import { DIMENSIONS, MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";
import { USD_PATTERN, canonicalUsd } from "./money";
import { OBJECTIVE_KINDS, WINDOW_TYPES, type ObjectiveKind } from "./types";

const scope = z
  .record(z.string(), z.unknown(), { error: 'expected an object of dimension filters such as {"feature": "search"}' })
  .superRefine((obj, ctx) => {
    for (const [k, v] of Object.entries(obj)) {
      if (!(DIMENSIONS as readonly string[]).includes(k)) ctx.addIssue({ code: "custom", path: [k], message: `unknown dimension; expected one of ${DIMENSIONS.join(", ")}` });
      else if (typeof v !== "string" || v.trim().length === 0 || v.length > MAX_DIMENSION_VALUE_LENGTH)
        ctx.addIssue({ code: "custom", path: [k], message: `expected a non-empty string of at most ${MAX_DIMENSION_VALUE_LENGTH} characters` });
    }
  })
  .transform((obj) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, String(v).trim().normalize("NFC")])) as Record<string, string>);

const fields = {
  name: z.string({ error: "expected a string" }).trim().min(1, { message: "expected a non-empty name" }).max(200, { message: "expected at most 200 characters" }),
  scope,
  objective: z.enum(OBJECTIVE_KINDS, { error: `expected one of ${OBJECTIVE_KINDS.join(", ")}` }),
  threshold: z.union([z.string(), z.number()], { error: "expected a number or a decimal string" }).transform((v) => String(v).trim()),
  action: z.string({ error: "expected a string" }).trim().max(MAX_DIMENSION_VALUE_LENGTH, { message: `expected at most ${MAX_DIMENSION_VALUE_LENGTH} characters` }),
  target: z
    .number({ error: "expected a percentage such as 99.5" })
    .gt(0, { message: "expected a percentage above 0" })
    .lt(100, { message: "expected a percentage below 100 (a 100% target leaves no error budget)" }),
  window: z.enum(WINDOW_TYPES, { error: `expected one of ${WINDOW_TYPES.join(", ")}` }),
  window_days: z.number({ error: "expected a number of days" }).int({ message: "expected whole days" }).min(1, { message: "expected at least 1 day" }).max(90, { message: "expected at most 90 days" }),
  enabled: z.boolean({ error: "expected true or false" }),
};

const strictError = { error: (i: { code: string; keys?: string[] }) => (i.code === "unrecognized_keys" ? `unknown field(s) ${(i.keys ?? []).join(", ")}` : "expected a JSON object") };

export const createSloSchema = z.strictObject(
  {
    name: fields.name,
    scope: fields.scope.default({}),
    objective: fields.objective,
    threshold: fields.threshold.optional(),
    action: fields.action.default(""),
    target: fields.target,
    window: fields.window.default("rolling"),
    window_days: fields.window_days.default(30),
    enabled: fields.enabled.default(true),
  },
  strictError,
);

export const updateSloSchema = z.strictObject(
  {
    name: fields.name.optional(),
    scope: fields.scope.optional(),
    objective: fields.objective.optional(),
    threshold: fields.threshold.optional(),
    action: fields.action.optional(),
    target: fields.target.optional(),
    window: fields.window.optional(),
    window_days: fields.window_days.optional(),
    enabled: fields.enabled.optional(),
  },
  strictError,
);

/**
 * The threshold and action an objective needs, checked together (they depend on the kind): returns the
 * stored threshold or the "<field>: <expected>" lines.
 */
export function checkObjective(kind: ObjectiveKind, threshold: string | undefined, action: string): { threshold: string; action: string } | { errors: string[] } {
  const errors: string[] = [];
  let thr = "";
  if (kind === "cost_per_request" || kind === "cost_per_action") {
    if (threshold === undefined || !USD_PATTERN.test(threshold) || !/[1-9]/.test(threshold)) errors.push('threshold: expected a USD amount above 0 such as "0.002" (at most 12 decimals)');
    else thr = canonicalUsd(threshold);
  } else if (kind === "latency_p95") {
    const n = Number(threshold);
    if (threshold === undefined || !/^\d+$/.test(threshold) || n < 1 || n > 3_600_000) errors.push("threshold: expected whole milliseconds between 1 and 3600000");
    else thr = String(n);
  } else if (threshold !== undefined && threshold !== "") {
    errors.push(`threshold: ${kind} takes no threshold (the target is the objective)`);
  }
  if (kind === "cost_per_action" && !action) errors.push('action: expected the tags.action value that counts as an action, such as "ticket_resolved"');
  if (kind !== "cost_per_action" && action) errors.push("action: only cost_per_action takes an action");
  return errors.length ? { errors } : { threshold: thr, action: kind === "cost_per_action" ? action : "" };
}

export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`);
}
