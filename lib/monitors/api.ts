import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { HttpError } from "@/lib/http/body";
import { jsonError } from "@/lib/http/responses";
import { dropMonitorCache } from "./series-cache";
import { createMonitor, deleteMonitor, getMonitor, listMonitors, monitorRuns, updateMonitor, type MonitorRunInfo } from "./store";
import { createMonitorSchema, issueDetails, updateMonitorSchema, type MonitorConfig } from "./types";

/** Who is asking, once authenticated: their organization and the audit actor string. */
export type ApiContext = { orgId: string; actor: string };

const NO_STORE = { headers: { "cache-control": "no-store" } };

export function monitorJson(m: MonitorConfig, run?: MonitorRunInfo) {
  return {
    id: m.id,
    name: m.name,
    dimension: m.dimension,
    scope: m.scope,
    min_spend_usd: m.minSpendUsdExact,
    kinds: m.kinds,
    sensitivity: m.sensitivity,
    enabled: m.enabled,
    channels: m.channelIds,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
    last_evaluated_at: run?.evaluatedAt.toISOString() ?? null,
    series_watched: run?.seriesWatched ?? null,
    last_error: run?.error ?? null,
  };
}

function parse<T>(raw: unknown, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import("zod").ZodError } }): T {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new HttpError(400, "Body must be a JSON object.", ["body: expected a JSON object"]);
  const r = schema.safeParse(raw);
  if (!r.success) throw new HttpError(422, "Invalid monitor.", issueDetails(r.error));
  return r.data;
}

const notFound = (id: string) => jsonError(404, `No monitor with id ${JSON.stringify(id)}.`);

export async function apiListMonitors(ctx: ApiContext): Promise<Response> {
  const [monitors, runs] = await Promise.all([listMonitors(ctx.orgId), monitorRuns(ctx.orgId)]);
  return Response.json({ monitors: monitors.map((m) => monitorJson(m, runs.get(m.id))) }, NO_STORE);
}

export async function apiGetMonitor(ctx: ApiContext, id: string): Promise<Response> {
  const m = await getMonitor(ctx.orgId, id);
  if (!m) return notFound(id);
  return Response.json(monitorJson(m, (await monitorRuns(m.orgId)).get(m.id)), NO_STORE);
}

export async function apiCreateMonitor(ctx: ApiContext, raw: unknown): Promise<Response> {
  const m = await createMonitor(ctx.orgId, parse(raw, createMonitorSchema));
  await recordAudit({ orgId: m.orgId, actor: ctx.actor, action: "monitor.create", targetType: "monitor", targetId: m.id, after: monitorJson(m) });
  return Response.json(monitorJson(m), { status: 201, ...NO_STORE });
}

export async function apiUpdateMonitor(ctx: ApiContext, id: string, raw: unknown): Promise<Response> {
  const input = parse(raw, updateMonitorSchema);
  const r = await updateMonitor(ctx.orgId, id, input);
  if (!r) return notFound(id);
  dropMonitorCache(id);
  await recordAudit({ orgId: ctx.orgId, actor: ctx.actor, action: "monitor.update", targetType: "monitor", targetId: id, before: monitorJson(r.before), after: monitorJson(r.after) });
  return Response.json(monitorJson(r.after), NO_STORE);
}

export async function apiDeleteMonitor(ctx: ApiContext, id: string): Promise<Response> {
  const before = await deleteMonitor(ctx.orgId, id);
  if (!before) return notFound(id);
  dropMonitorCache(id);
  await recordAudit({ orgId: ctx.orgId, actor: ctx.actor, action: "monitor.delete", targetType: "monitor", targetId: id, before: monitorJson(before) });
  return new Response(null, { status: 204 });
}
