import { z } from "zod";
import { text, type Attributes } from "./otlp-values";

/**
 * Which span or resource attributes fill the ledger's dimensions. Per dimension an ordered list of
 * attribute keys: the first key present wins, and the span's own attributes are searched before its
 * resource's (a span can override what its service says about itself).
 */
export const MAPPED_DIMENSIONS = ["project", "feature", "team", "user", "customer", "environment"] as const;
export type MappedDimension = (typeof MAPPED_DIMENSIONS)[number];
export type AttributeMapping = Record<MappedDimension, string[]>;

export const DEFAULT_MAPPING: AttributeMapping = {
  project: ["service.name"],
  feature: ["app.feature"],
  team: ["app.team"],
  user: ["user.id"],
  customer: ["app.customer"],
  // The old name stays second so services on older semantic conventions keep their environment.
  environment: ["deployment.environment.name", "deployment.environment"],
};

const MAX_KEYS = 8;
const attributeKey = z
  .string({ error: "expected an attribute key (a string)" })
  .trim()
  .min(1, "an attribute key must not be empty")
  .max(255, "an attribute key has at most 255 characters")
  .regex(/^[\x21-\x7e]+$/, "an attribute key is printable ASCII without spaces, e.g. app.feature");

/** PUT body: each dimension optional (absent = the default); [] means the dimension is never filled from OTLP. */
export const mappingInputSchema = z.strictObject(
  Object.fromEntries(
    MAPPED_DIMENSIONS.map((d) => [d, z.array(attributeKey, { error: `expected an array of attribute keys` }).max(MAX_KEYS, `at most ${MAX_KEYS} attribute keys`).optional()]),
  ) as Record<MappedDimension, z.ZodOptional<z.ZodArray<typeof attributeKey>>>,
  {
    error: (i) =>
      i.code === "unrecognized_keys" ? `unknown dimension ${(i as { keys?: string[] }).keys?.join(", ")}; expected ${MAPPED_DIMENSIONS.join(", ")}` : "expected an object of dimension: [attribute keys]",
  },
);

export function completeMapping(input: Partial<AttributeMapping>): AttributeMapping {
  const out = { ...DEFAULT_MAPPING };
  for (const d of MAPPED_DIMENSIONS) if (input[d]) out[d] = [...new Set(input[d])];
  return out;
}

/** The dimensions of one span under `mapping`. */
export function mapDimensions(mapping: AttributeMapping, span: Attributes, resource: Attributes): Record<MappedDimension, string> {
  const out = {} as Record<MappedDimension, string>;
  for (const d of MAPPED_DIMENSIONS) out[d] = pick(mapping[d], span) || pick(mapping[d], resource);
  return out;
}

function pick(keys: string[], a: Attributes): string {
  for (const k of keys) {
    const v = text(a, k);
    if (v) return v;
  }
  return "";
}
