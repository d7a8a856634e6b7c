import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/prisma";
import { completeMapping, DEFAULT_MAPPING, mappingInputSchema, type AttributeMapping } from "./attribute-mapping";

/**
 * The attribute mapping lives in the Setting table under one key per organization (a small JSON
 * value; no table of its own). Ingest reads it on every request, so it is cached briefly per
 * process: a change reaches every server process within CACHE_MS.
 */
const CACHE_MS = 5_000;
const keyOf = (orgId: string) => `otlp.attribute-mapping:${orgId}`;
const g = globalThis as typeof globalThis & { __otlpMappingCache?: Map<string, { at: number; mapping: AttributeMapping }> };
const cache = () => (g.__otlpMappingCache ??= new Map());

export async function getMapping(orgId: string): Promise<AttributeMapping> {
  const hit = cache().get(orgId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.mapping;
  const row = await db().setting.findUnique({ where: { key: keyOf(orgId) } });
  let mapping = DEFAULT_MAPPING;
  if (row) {
    const parsed = mappingInputSchema.safeParse(JSON.parse(row.value));
    // A stored value that no longer validates (an older shape) falls back to the defaults rather than failing ingest.
    if (parsed.success) mapping = completeMapping(parsed.data);
  }
  cache().set(orgId, { at: Date.now(), mapping });
  return mapping;
}

export async function setMapping(orgId: string, actor: string, input: Partial<AttributeMapping>): Promise<AttributeMapping> {
  const before = await getMapping(orgId);
  const mapping = completeMapping(input);
  await db().setting.upsert({ where: { key: keyOf(orgId) }, create: { key: keyOf(orgId), value: JSON.stringify(mapping) }, update: { value: JSON.stringify(mapping) } });
  cache().delete(orgId);
  await recordAudit({ orgId, actor, action: "otlp_mapping.update", targetType: "otlp_mapping", targetId: orgId, before, after: mapping });
  return mapping;
}
