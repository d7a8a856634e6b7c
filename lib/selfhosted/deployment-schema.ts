/**
 * The deployment body of POST/PATCH /api/v1/deployments and of the page's form: snake_case as in the
 * API, every error naming the field and what was expected. Pure.
 */
import { z } from "zod";
import { PRICE_PATTERN } from "./money";

export const PRICING_KINDS = ["on_demand", "reserved", "spot"] as const;
export type PricingKind = (typeof PRICING_KINDS)[number];

const price = z
  .union([z.string(), z.number()], { error: 'expected a decimal USD price per GPU-hour such as "2.49"' })
  .transform((v) => (typeof v === "number" ? String(v) : v.trim()))
  .refine((v) => PRICE_PATTERN.test(v), { message: 'expected a non-negative decimal such as "2.49" with at most 6 decimals' });

const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const fields = {
  // The name is the ledger's provider for events this deployment serves, so it is kept in one case.
  name: z
    .string({ error: "expected a string" })
    .trim()
    .min(1, { message: "expected a non-empty name" })
    .max(100, { message: "expected at most 100 characters" })
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]*$/, { message: "expected letters, digits, '.', '_' or '-' (it becomes the ledger's provider name)" })
    .transform((v) => v.toLowerCase()),
  model: z.string({ error: "expected the served model's name" }).trim().min(1, { message: "expected a non-empty model" }).max(200, { message: "expected at most 200 characters" }),
  gpu_price_per_hour_usd: price,
  gpu_pricing: z.record(
    z.string().min(1, { message: "expected a GPU model name such as \"NVIDIA H100 80GB HBM3\"" }).max(200),
    z.strictObject({ on_demand: price.optional(), reserved: price.optional(), spot: price.optional() }, { error: 'expected {"on_demand"?, "reserved"?, "spot"?} prices' }),
    { error: 'expected an object {"<GPU model>": {"on_demand": "2.49", "reserved": "1.80", "spot": "1.10"}}' },
  ),
  pricing_kind: z.enum(PRICING_KINDS, { error: `expected one of ${PRICING_KINDS.join(", ")}` }),
  match: z
    .record(z.string().regex(labelName, { message: "expected a DCGM label name such as hostname or pod" }), z.string({ error: "expected a string label value" }).min(1, { message: "expected a non-empty value" }).max(500), {
      error: 'expected an object of DCGM label matchers such as {"hostname": "gpu-node-1"}',
    })
    // Without a matcher the deployment would claim every GPU of the organization.
    .refine((m) => Object.keys(m).length >= 1, { message: "expected at least one label matcher" })
    .refine((m) => Object.keys(m).length <= 20, { message: "expected at most 20 label matchers" })
    // dcgm-exporter renamed Hostname -> hostname; samples are stored under the new name.
    .transform((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k === "Hostname" ? "hostname" : k, v]))),
  endpoints: z.array(z.string().min(1, { message: "expected a source id" }).max(100), { error: "expected an array of scrape source ids" }).max(100, { message: "expected at most 100 endpoints" }).transform((a) => [...new Set(a)]),
};

export const createDeploymentSchema = z.strictObject({
  name: fields.name,
  model: fields.model,
  gpu_price_per_hour_usd: fields.gpu_price_per_hour_usd,
  gpu_pricing: fields.gpu_pricing.default({}),
  pricing_kind: fields.pricing_kind.default("on_demand"),
  match: fields.match,
  endpoints: fields.endpoints.default([]),
});

export const updateDeploymentSchema = z.strictObject({
  name: fields.name.optional(),
  model: fields.model.optional(),
  gpu_price_per_hour_usd: fields.gpu_price_per_hour_usd.optional(),
  gpu_pricing: fields.gpu_pricing.optional(),
  pricing_kind: fields.pricing_kind.optional(),
  match: fields.match.optional(),
  endpoints: fields.endpoints.optional(),
});

export type DeploymentInput = z.infer<typeof createDeploymentSchema>;

export function issueLines(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join(".") : "body"}: ${i.message}`);
}
