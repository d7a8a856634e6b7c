import "server-only";
import { db } from "@/lib/db/prisma";
import type { Slo } from "@/lib/generated/prisma/client";
import { DIMENSIONS } from "@/lib/domain/event";
import { OBJECTIVE_KINDS, WINDOW_TYPES, type ObjectiveKind, type SloConfig, type WindowType } from "./types";

/** SLO rows in and out of the configuration database; deleted SLOs are kept (deletedAt) for the audit trail. */

export type SloData = Omit<Slo, "id" | "orgId" | "createdAt" | "updatedAt" | "deletedAt">;

function parseScope(text: string): Record<string, string> {
  let raw: unknown = null;
  try {
    raw = JSON.parse(text);
  } catch {
    /* a bad row reads as the whole organization rather than crashing a pass */
  }
  const out: Record<string, string> = {};
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const d of DIMENSIONS) {
      const v = (raw as Record<string, unknown>)[d];
      if (typeof v === "string") out[d] = v;
    }
  }
  return out;
}

export function toConfig(row: Slo): SloConfig {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    scope: parseScope(row.scope),
    kind: (OBJECTIVE_KINDS as readonly string[]).includes(row.kind) ? (row.kind as ObjectiveKind) : "error_rate",
    threshold: row.threshold,
    action: row.action,
    target: row.target,
    windowType: (WINDOW_TYPES as readonly string[]).includes(row.windowType) ? (row.windowType as WindowType) : "rolling",
    windowDays: row.windowDays,
    enabled: row.enabled,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export async function listSlos(orgId: string): Promise<SloConfig[]> {
  const rows = await db().slo.findMany({ where: { orgId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toConfig);
}

/** Every live, enabled SLO of every organization, by organization (one read per evaluation pass). */
export async function listAllEnabledSlos(): Promise<Map<string, SloConfig[]>> {
  const rows = await db().slo.findMany({ where: { deletedAt: null, enabled: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const out = new Map<string, SloConfig[]>();
  for (const r of rows) out.set(r.orgId, [...(out.get(r.orgId) ?? []), toConfig(r)]);
  return out;
}

export async function getSlo(orgId: string, id: string): Promise<SloConfig | null> {
  const row = await db().slo.findFirst({ where: { id, orgId, deletedAt: null } });
  return row ? toConfig(row) : null;
}

export async function insertSlo(orgId: string, data: SloData): Promise<SloConfig> {
  return toConfig(await db().slo.create({ data: { orgId, ...data } }));
}

export async function updateSloRow(orgId: string, id: string, data: Partial<SloData>): Promise<SloConfig | null> {
  const res = await db().slo.updateMany({ where: { id, orgId, deletedAt: null }, data });
  return res.count === 0 ? null : getSlo(orgId, id);
}

export async function deleteSloRow(orgId: string, id: string): Promise<boolean> {
  const res = await db().slo.updateMany({ where: { id, orgId, deletedAt: null }, data: { deletedAt: new Date() } });
  return res.count > 0;
}
