import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { HttpError } from "@/lib/http/body";
import { deleteSloRow, getSlo, insertSlo, updateSloRow, type SloData } from "./repository";
import { checkObjective, createSloSchema, issueLines, updateSloSchema } from "./schema";
import type { SloConfig } from "./types";

/** SLO changes for the API and the screens: validated, written, audited. */

function invalid(details: string[]): HttpError {
  return new HttpError(422, "Invalid SLO.", details);
}

export async function createSlo(orgId: string, actor: string, body: unknown): Promise<SloConfig> {
  const parsed = createSloSchema.safeParse(body);
  if (!parsed.success) throw invalid(issueLines(parsed.error));
  const v = parsed.data;
  const objective = checkObjective(v.objective, v.threshold, v.action);
  if ("errors" in objective) throw invalid(objective.errors);
  const data: SloData = {
    name: v.name,
    scope: JSON.stringify(v.scope),
    kind: v.objective,
    threshold: objective.threshold,
    action: objective.action,
    target: v.target,
    windowType: v.window,
    windowDays: v.window_days,
    enabled: v.enabled,
  };
  const created = await insertSlo(orgId, data);
  await recordAudit({ orgId, actor, action: "slo.create", targetType: "slo", targetId: created.id, after: created });
  return created;
}

export async function updateSlo(orgId: string, actor: string, id: string, body: unknown): Promise<SloConfig | null> {
  const parsed = updateSloSchema.safeParse(body);
  if (!parsed.success) throw invalid(issueLines(parsed.error));
  const before = await getSlo(orgId, id);
  if (!before) return null;
  const v = parsed.data;
  const data: Partial<SloData> = {};
  if (v.objective !== undefined || v.threshold !== undefined || v.action !== undefined) {
    // The threshold's meaning depends on the kind: check the combination the SLO will have.
    const kind = v.objective ?? before.kind;
    const keepsKind = kind === before.kind;
    const objective = checkObjective(kind, v.threshold ?? (keepsKind ? before.threshold : undefined), v.action ?? (keepsKind ? before.action : ""));
    if ("errors" in objective) throw invalid(objective.errors);
    Object.assign(data, { kind, threshold: objective.threshold, action: objective.action });
  }
  if (v.name !== undefined) data.name = v.name;
  if (v.scope !== undefined) data.scope = JSON.stringify(v.scope);
  if (v.target !== undefined) data.target = v.target;
  if (v.window !== undefined) data.windowType = v.window;
  if (v.window_days !== undefined) data.windowDays = v.window_days;
  if (v.enabled !== undefined) data.enabled = v.enabled;
  const after = await updateSloRow(orgId, id, data);
  if (!after) return null;
  await recordAudit({ orgId, actor, action: "slo.update", targetType: "slo", targetId: id, before, after });
  return after;
}

export async function deleteSlo(orgId: string, actor: string, id: string): Promise<boolean> {
  const before = await getSlo(orgId, id);
  if (!before || !(await deleteSloRow(orgId, id))) return false;
  await recordAudit({ orgId, actor, action: "slo.delete", targetType: "slo", targetId: id, before });
  return true;
}
