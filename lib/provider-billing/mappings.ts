import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { HttpError } from "@/lib/http/body";
import { MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";
import { BILLING_PROVIDERS } from "./types";

/**
 * Provider project / workspace / api key -> the product's project and team. An api key mapping wins
 * over its project's mapping (a shared workspace can hold keys of several teams).
 */
export const MAPPING_KINDS = ["project", "api_key"] as const;

const text = (field: string) =>
  z
    .string({ error: `expected a string of at most ${MAX_DIMENSION_VALUE_LENGTH} characters` })
    .trim()
    .normalize("NFC")
    .max(MAX_DIMENSION_VALUE_LENGTH, { error: `expected at most ${MAX_DIMENSION_VALUE_LENGTH} characters` })
    .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), { error: `${field} must not contain control characters` });

export const mappingInputSchema = z
  .object({
    provider: z.enum(BILLING_PROVIDERS, { error: `expected one of ${BILLING_PROVIDERS.join(", ")}` }),
    kind: z.enum(MAPPING_KINDS, { error: "expected project (OpenAI project or Anthropic workspace) or api_key" }),
    external_id: text("external_id").pipe(z.string().min(1, { error: "expected the provider's id, e.g. proj_abc or wrkspc_01..." })),
    project: text("project").default(""),
    team: text("team").default(""),
  })
  .strict()
  .refine((m) => m.project !== "" || m.team !== "", { error: "expected a project or a team (or both) to map to", path: ["project"] });

export type MappingJson = { id: string; provider: string; kind: string; external_id: string; project: string; team: string; updated_at: string };

type Row = { id: string; provider: string; kind: string; externalId: string; project: string; team: string; updatedAt: Date };
const toJson = (m: Row): MappingJson => ({ id: m.id, provider: m.provider, kind: m.kind, external_id: m.externalId, project: m.project, team: m.team, updated_at: m.updatedAt.toISOString() });

export async function listMappings(orgId: string): Promise<MappingJson[]> {
  const rows = await db().providerMapping.findMany({ where: { orgId }, orderBy: [{ provider: "asc" }, { kind: "asc" }, { externalId: "asc" }] });
  return rows.map(toJson);
}

/** Creates the mapping, or replaces the one with the same provider, kind and id. */
export async function upsertMapping(orgId: string, actor: string, body: unknown): Promise<MappingJson> {
  const r = mappingInputSchema.safeParse(body);
  if (!r.success) throw new HttpError(422, "Invalid mapping.", r.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`));
  const m = r.data;
  const where = { orgId_provider_kind_externalId: { orgId, provider: m.provider, kind: m.kind, externalId: m.external_id } };
  const before = await db().providerMapping.findUnique({ where });
  const saved = await db().providerMapping.upsert({
    where,
    create: { orgId, provider: m.provider, kind: m.kind, externalId: m.external_id, project: m.project, team: m.team },
    update: { project: m.project, team: m.team },
  });
  await recordAudit({ orgId, actor, action: before ? "provider_mapping.update" : "provider_mapping.create", targetType: "provider_mapping", targetId: saved.id, before: before && toJson(before), after: toJson(saved) });
  return toJson(saved);
}

export async function deleteMapping(orgId: string, actor: string, id: string): Promise<boolean> {
  const before = await db().providerMapping.findFirst({ where: { orgId, id } });
  if (!before) return false;
  await db().providerMapping.delete({ where: { id } });
  await recordAudit({ orgId, actor, action: "provider_mapping.delete", targetType: "provider_mapping", targetId: id, before: toJson(before) });
  return true;
}

export type MappingResolver = (provider: string, projectId: string, apiKeyId: string) => { project: string; team: string };

/** The product project and team of a billed row; "" where nothing is mapped. */
export async function mappingResolver(orgId: string): Promise<MappingResolver> {
  const rows = await db().providerMapping.findMany({ where: { orgId } });
  const byKey = new Map(rows.map((r) => [`${r.provider}|${r.kind}|${r.externalId}`, r]));
  return (provider, projectId, apiKeyId) => {
    const key = apiKeyId ? byKey.get(`${provider}|api_key|${apiKeyId}`) : undefined;
    const proj = projectId ? byKey.get(`${provider}|project|${projectId}`) : undefined;
    return { project: key?.project || proj?.project || "", team: key?.team || proj?.team || "" };
  };
}
