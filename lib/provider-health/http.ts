import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { actorOf, recordAudit } from "@/lib/audit/record";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { formatZodIssues } from "@/lib/ingest/event-schema";
import { healthSeries, providerHealth } from "./health-query";
import { parseHealthQuery } from "./params";
import { healthSettingsSchema, readHealthSettings, saveHealthSettings } from "./settings";

/** GET /api/v1/provider-health: a read key, or a signed-in user who may view the Providers page. */
export async function handleProviderHealth(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "providers.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const q = parseHealthQuery(new URL(req.url).searchParams);
  if (!q.ok) return jsonError(400, "Invalid query parameters.", q.errors);
  try {
    const orgId = auth.principal.orgId;
    const [rows, series, settings] = await Promise.all([providerHealth(orgId, q.from, q.to), healthSeries(orgId, q.from, q.to), readHealthSettings(orgId)]);
    return Response.json({ from: q.from.toISOString(), to: q.to.toISOString(), settings, rows, series }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("provider-health", err);
  }
}

export async function handleGetHealthSettings(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "providers.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  try {
    return Response.json(await readHealthSettings(auth.principal.orgId), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("provider-health.settings", err);
  }
}

/** PUT /api/v1/provider-health/settings: when the headroom alert fires (manage key, or admin/engineer). */
export async function handlePutHealthSettings(req: Request): Promise<Response> {
  const auth = await authenticate(req, "manage", "sources.manage");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  try {
    const parsed = healthSettingsSchema.safeParse(await readJsonBody(req, 16 * 1024));
    if (!parsed.success) return jsonError(422, "Invalid settings.", formatZodIssues(parsed.error));
    const orgId = auth.principal.orgId;
    const before = await readHealthSettings(orgId);
    const after = await saveHealthSettings(orgId, parsed.data);
    const p = auth.principal;
    await recordAudit({
      orgId,
      actor: p.kind === "apiKey" ? actorOf({ kind: "apiKey", keyId: p.keyId }) : actorOf({ kind: "user", userId: p.userId }),
      action: "provider_health_settings.update",
      targetType: "provider_health_settings",
      targetId: orgId,
      before,
      after,
    });
    return Response.json(after, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("provider-health.settings", err);
  }
}
