import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record";
import { SOURCE_TYPES, type Collector } from "@/lib/source-contract/collector";
import { collectorFor } from "./collector-registry";
import { mergeConfig, openConfig, parseStoredConfig, sealConfig, validateConfig } from "./config";
import type { CreateSourceInput, PatchSourceInput } from "./input";
import { listRuns } from "./run-history";
import { auditView, toView, type SourceView } from "./view";

export type Refused = { ok: false; status: 404 | 409 | 422; error: string; details: string[] };
export type Done<T> = { ok: true; value: T } | Refused;

const invalid = (details: string[]): Refused => ({ ok: false, status: 422, error: "Invalid source.", details });
const notFound = (id: string): Refused => ({ ok: false, status: 404, error: `No source with id "${id}" in this organization.`, details: [] });

/** The collector for a type, or the reason none will do: an unknown type, or a known one not installed here. */
export function collectorOrProblem(type: string): Collector | string {
  if (!(SOURCE_TYPES as readonly string[]).includes(type)) return `type: expected one of ${SOURCE_TYPES.join(", ")}`;
  return collectorFor(type) ?? `type: no collector for '${type}' is installed`;
}

async function nameTaken(orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const row = await db().source.findFirst({ where: { orgId, name, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return row !== null;
}

/** Creates a source and schedules its first run at once (the backfill starts with the next worker pass). */
export async function createSource(orgId: string, actor: string, input: CreateSourceInput): Promise<Done<SourceView>> {
  const collector = collectorOrProblem(input.type);
  if (typeof collector === "string") return invalid([collector]);
  const v = validateConfig(collector, input.config);
  if (!v.ok) return invalid(v.details);
  if (await nameTaken(orgId, input.name)) return invalid([`name: a source named "${input.name}" already exists; choose another name`]);
  const row = await db().source.create({
    data: { orgId, type: input.type, name: input.name, config: JSON.stringify(sealConfig(collector, v.config)), state: "backfilling", nextRunAt: new Date() },
  });
  await recordAudit({ orgId, actor, action: "source.create", targetType: "source", targetId: row.id, after: auditView(row) });
  return { ok: true, value: toView(row) };
}

export async function listSources(orgId: string): Promise<SourceView[]> {
  const rows = await db().source.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });
  const now = new Date();
  return rows.map((r) => toView(r, now));
}

export async function getSource(orgId: string, id: string, runs = 50): Promise<SourceView | null> {
  const row = await db().source.findFirst({ where: { orgId, id } });
  if (!row) return null;
  return { ...toView(row), runs: await listRuns(row.id, runs) };
}

/**
 * Renames, reconfigures, pauses or resumes. A new config or a resume clears a stop and runs the source
 * at once, because a stop waits precisely for a person to change something.
 */
export async function patchSource(orgId: string, actor: string, id: string, input: PatchSourceInput): Promise<Done<SourceView>> {
  const row = await db().source.findFirst({ where: { orgId, id } });
  if (!row) return notFound(id);
  const data: Record<string, unknown> = {};
  if (input.name !== undefined && input.name !== row.name) {
    if (await nameTaken(orgId, input.name, id)) return invalid([`name: a source named "${input.name}" already exists; choose another name`]);
    data.name = input.name;
  }
  const restart = { state: row.backfillDone ? "ok" : "backfilling", nextRunAt: new Date(), consecutiveFailures: 0 };
  if (input.config !== undefined) {
    const collector = collectorOrProblem(row.type);
    if (typeof collector === "string") return invalid([collector]);
    let current: Record<string, unknown>;
    try {
      current = openConfig(parseStoredConfig(row.config));
    } catch {
      current = {}; // secrets sealed with a key that is gone: the PATCH must carry them again
    }
    const v = validateConfig(collector, mergeConfig(current, input.config));
    if (!v.ok) return invalid(v.details);
    data.config = JSON.stringify(sealConfig(collector, v.config));
    if (row.state !== "paused") Object.assign(data, restart);
  }
  if (input.state === "paused") data.state = "paused";
  if (input.state === "active" && (row.state === "paused" || row.state === "stopped")) Object.assign(data, restart);
  if (Object.keys(data).length === 0) return { ok: true, value: toView(row) };
  const after = await db().source.update({ where: { id }, data });
  const action = input.state === "paused" ? "source.pause" : input.state === "active" && row.state !== after.state ? "source.resume" : "source.update";
  await recordAudit({ orgId, actor, action, targetType: "source", targetId: id, before: auditView(row), after: auditView(after) });
  return { ok: true, value: toView(after) };
}

/** Deletes a source and its run history; a run in flight finds its lease gone and stores nothing. */
export async function deleteSource(orgId: string, actor: string, id: string): Promise<boolean> {
  const row = await db().source.findFirst({ where: { orgId, id } });
  if (!row) return false;
  await db().$transaction([db().sourceRun.deleteMany({ where: { sourceId: id } }), db().source.delete({ where: { id } })]);
  await recordAudit({ orgId, actor, action: "source.delete", targetType: "source", targetId: id, before: auditView(row) });
  return true;
}

/** Schedules a run now. A stopped source is given another try; a paused one must be resumed first. */
export async function runSourceNow(orgId: string, actor: string, id: string): Promise<Done<SourceView>> {
  const row = await db().source.findFirst({ where: { orgId, id } });
  if (!row) return notFound(id);
  if (row.state === "paused") return { ok: false, status: 409, error: "The source is paused: resume it first (PATCH {\"state\": \"active\"}).", details: [] };
  const data = row.state === "stopped" ? { state: row.backfillDone ? "ok" : "backfilling", consecutiveFailures: 0, nextRunAt: new Date() } : { nextRunAt: new Date() };
  const after = await db().source.update({ where: { id }, data });
  await recordAudit({ orgId, actor, action: "source.run", targetType: "source", targetId: id, before: auditView(row), after: auditView(after) });
  return { ok: true, value: toView(after) };
}
