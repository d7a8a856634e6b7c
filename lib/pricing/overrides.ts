import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";
import { compileOverride, type CompiledOverride } from "./overrides-match";

const price = z
  .string()
  .trim()
  .regex(/^\d+(\.\d{1,6})?$/, "expected USD per 1M tokens as a decimal with at most 6 decimals, e.g. 2.5")
  .optional()
  .or(z.literal("").transform(() => undefined));

/**
 * Bounds on a model pattern. Matching is linear whatever the pattern (glob.ts), so these are for
 * sense rather than speed: no model name is longer, and real patterns ("gpt-4o*", "*sonnet*",
 * "claude-*-4*") use one to three wildcards.
 */
export const MAX_PATTERN_LENGTH = MAX_DIMENSION_VALUE_LENGTH;
export const MAX_PATTERN_WILDCARDS = 4;

export const overrideInputSchema = z.object({
  provider: z.string().trim().toLowerCase().min(1, "provider is required").max(64, "at most 64 characters"),
  modelPattern: z
    .string()
    .trim()
    .min(1, "model is required (exact name, or * as a wildcard)")
    .max(MAX_PATTERN_LENGTH, `at most ${MAX_PATTERN_LENGTH} characters (the longest model name stored)`)
    .superRefine((p, ctx) => {
      const n = wildcardCount(p);
      if (n > MAX_PATTERN_WILDCARDS) ctx.addIssue({ code: "custom", message: `at most ${MAX_PATTERN_WILDCARDS} * wildcards, got ${n}` });
    }),
  effectiveFrom: z.coerce.date({ error: "effectiveFrom: expected a date such as 2026-11-01" }),
  inputPerMtok: price,
  cacheReadPerMtok: price,
  cacheWrite5mPerMtok: price,
  cacheWrite1hPerMtok: price,
  outputPerMtok: price,
  note: z.string().trim().max(500).optional(),
}).refine(
  (o) => [o.inputPerMtok, o.cacheReadPerMtok, o.cacheWrite5mPerMtok, o.cacheWrite1hPerMtok, o.outputPerMtok].some((v) => v !== undefined),
  { message: "set at least one price", path: ["inputPerMtok"] },
);
export type OverrideInput = z.input<typeof overrideInputSchema>;

function wildcardCount(pattern: string): number {
  let n = 0;
  for (const ch of pattern) if (ch === "*") n++;
  return n;
}

export async function listOverrides(orgId: string) {
  return db().priceOverride.findMany({ where: { orgId }, orderBy: [{ provider: "asc" }, { modelPattern: "asc" }, { effectiveFrom: "desc" }] });
}

// Per-process cache of compiled overrides; any change through this module invalidates it. On
// globalThis because pages (which edit) and the ingest route (which reads) are separate bundles.
const g = globalThis as typeof globalThis & { __finopsOverrides?: Map<string, { at: number; list: CompiledOverride[] }> };
const compiledCache = (g.__finopsOverrides ??= new Map());
const COMPILED_TTL_MS = 5_000;

export async function compiledOverrides(orgId: string): Promise<CompiledOverride[]> {
  const hit = compiledCache.get(orgId);
  if (hit && Date.now() - hit.at < COMPILED_TTL_MS) return hit.list;
  const list = (await listOverrides(orgId)).map(compileOverride);
  compiledCache.set(orgId, { at: Date.now(), list });
  return list;
}

export async function createOverride(orgId: string, input: OverrideInput) {
  const o = overrideInputSchema.parse(input);
  const row = await db().priceOverride.create({
    data: {
      orgId,
      provider: o.provider,
      modelPattern: o.modelPattern,
      effectiveFrom: o.effectiveFrom,
      inputPerMtok: o.inputPerMtok ?? null,
      cacheReadPerMtok: o.cacheReadPerMtok ?? null,
      cacheWrite5mPerMtok: o.cacheWrite5mPerMtok ?? null,
      cacheWrite1hPerMtok: o.cacheWrite1hPerMtok ?? null,
      outputPerMtok: o.outputPerMtok ?? null,
      note: o.note ?? "",
    },
  });
  compiledCache.delete(orgId);
  return row;
}

export async function deleteOverride(orgId: string, id: string) {
  const row = await db().priceOverride.findFirst({ where: { id, orgId } });
  if (!row) return null;
  await db().priceOverride.delete({ where: { id } });
  compiledCache.delete(orgId);
  return row;
}
