import "server-only";
/**
 * Deployments in the configuration database, and their changes for the API, the page's form and the
 * demo: validated, written, audited. Names are unique per organization (they are ledger providers).
 */
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db/prisma";
import { HttpError } from "@/lib/http/body";
import { createDeploymentSchema, issueLines, updateDeploymentSchema, type PricingKind } from "./deployment-schema";
import type { Deployment } from "./deployment-types";
import { canonicalUsd } from "./money";

type Row = Awaited<ReturnType<ReturnType<typeof db>["deployment"]["findFirstOrThrow"]>>;

function toDeployment(r: Row): Deployment {
  return {
    id: r.id,
    orgId: r.orgId,
    name: r.name,
    model: r.model,
    gpuPricePerHourUsd: r.gpuPricePerHourUsd,
    gpuPricing: JSON.parse(r.gpuPricing),
    pricingKind: r.pricingKind as PricingKind,
    match: JSON.parse(r.match),
    endpoints: JSON.parse(r.endpoints),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function listDeployments(orgId: string): Promise<Deployment[]> {
  const rows = await db().deployment.findMany({ where: { orgId }, orderBy: [{ name: "asc" }] });
  return rows.map(toDeployment);
}

export async function getDeployment(orgId: string, id: string): Promise<Deployment | null> {
  const r = await db().deployment.findFirst({ where: { orgId, id } });
  return r ? toDeployment(r) : null;
}

const invalid = (details: string[]) => new HttpError(422, "Invalid deployment.", details);

const canonicalPricing = (p: Record<string, Partial<Record<PricingKind, string>>>) =>
  Object.fromEntries(Object.entries(p).map(([m, kinds]) => [m, Object.fromEntries(Object.entries(kinds).filter(([, v]) => v !== undefined).map(([k, v]) => [k, canonicalUsd(v as string)]))]));

async function nameTaken(orgId: string, name: string, exceptId: string | null): Promise<boolean> {
  const r = await db().deployment.findFirst({ where: { orgId, name }, select: { id: true } });
  return r !== null && r.id !== exceptId;
}

export async function createDeployment(orgId: string, actor: string, body: unknown): Promise<Deployment> {
  const p = createDeploymentSchema.safeParse(body);
  if (!p.success) throw invalid(issueLines(p.error));
  const v = p.data;
  if (await nameTaken(orgId, v.name, null)) throw new HttpError(409, "Invalid deployment.", [`name: a deployment named "${v.name}" already exists`]);
  const row = await db().deployment.create({
    data: {
      orgId,
      name: v.name,
      model: v.model,
      gpuPricePerHourUsd: canonicalUsd(v.gpu_price_per_hour_usd),
      gpuPricing: JSON.stringify(canonicalPricing(v.gpu_pricing)),
      pricingKind: v.pricing_kind,
      match: JSON.stringify(v.match),
      endpoints: JSON.stringify(v.endpoints),
    },
  });
  const created = toDeployment(row);
  await recordAudit({ orgId, actor, action: "deployment.create", targetType: "deployment", targetId: created.id, after: created });
  return created;
}

export async function updateDeployment(orgId: string, actor: string, id: string, body: unknown): Promise<Deployment | null> {
  const p = updateDeploymentSchema.safeParse(body);
  if (!p.success) throw invalid(issueLines(p.error));
  const before = await getDeployment(orgId, id);
  if (!before) return null;
  const v = p.data;
  if (v.name !== undefined && (await nameTaken(orgId, v.name, id))) throw new HttpError(409, "Invalid deployment.", [`name: a deployment named "${v.name}" already exists`]);
  const data: Record<string, string> = {};
  if (v.name !== undefined) data.name = v.name;
  if (v.model !== undefined) data.model = v.model;
  if (v.gpu_price_per_hour_usd !== undefined) data.gpuPricePerHourUsd = canonicalUsd(v.gpu_price_per_hour_usd);
  if (v.gpu_pricing !== undefined) data.gpuPricing = JSON.stringify(canonicalPricing(v.gpu_pricing));
  if (v.pricing_kind !== undefined) data.pricingKind = v.pricing_kind;
  if (v.match !== undefined) data.match = JSON.stringify(v.match);
  if (v.endpoints !== undefined) data.endpoints = JSON.stringify(v.endpoints);
  const res = await db().deployment.updateMany({ where: { orgId, id }, data });
  if (res.count === 0) return null;
  const after = (await getDeployment(orgId, id))!;
  await recordAudit({ orgId, actor, action: "deployment.update", targetType: "deployment", targetId: id, before, after });
  return after;
}

export async function deleteDeployment(orgId: string, actor: string, id: string): Promise<boolean> {
  const before = await getDeployment(orgId, id);
  if (!before) return false;
  const res = await db().deployment.deleteMany({ where: { orgId, id } });
  if (res.count === 0) return false;
  await recordAudit({ orgId, actor, action: "deployment.delete", targetType: "deployment", targetId: id, before });
  return true;
}
