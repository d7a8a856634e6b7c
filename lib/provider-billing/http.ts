import "server-only";
import { actorOf } from "@/lib/audit/record";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import type { Permission } from "@/lib/auth/roles";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { getCoverageSetting, setCoverageSetting } from "./coverage-alert";
import { deleteMapping, listMappings, upsertMapping } from "./mappings";
import { reconcile } from "./reconcile";
import { parseReconcileParams } from "./reconcile-params";

/**
 * Route handlers of /api/v1/reconciliation and /api/v1/provider-mappings: reads with the read scope or
 * reconciliation.view, changes with the manage scope or reconciliation.manage.
 */
const MAX_BODY = 16 * 1024;
const noStore = { headers: { "cache-control": "no-store" } };
type Ctx = { params: Promise<{ id: string }> };

async function guard(req: Request, write: boolean): Promise<{ principal: RequestPrincipal } | { response: Response }> {
  const permission: Permission = write ? "reconciliation.manage" : "reconciliation.view";
  const auth = await authenticate(req, write ? "manage" : "read", permission);
  if (!auth.ok) return { response: jsonError(auth.status, auth.error) };
  const limited = await checkKeyRequestLimit(auth.principal);
  return limited ? { response: limited } : { principal: auth.principal };
}

const actor = (p: RequestPrincipal) => (p.kind === "apiKey" ? actorOf({ kind: "apiKey", keyId: p.keyId }) : actorOf({ kind: "user", userId: p.userId }));

/** GET /api/v1/reconciliation?from=&to=&group_by=day,provider,model */
export async function handleReconciliation(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  const params = parseReconcileParams(new URL(req.url).searchParams);
  if (!params.ok) return jsonError(400, "Invalid query parameters.", params.errors);
  try {
    return Response.json(await reconcile(g.principal.orgId, params.value), noStore);
  } catch (err) {
    return errorResponse("reconciliation", err);
  }
}

/** GET /api/v1/provider-mappings (manage scope: the mapping is configuration) */
export async function handleListMappings(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    return Response.json({ mappings: await listMappings(g.principal.orgId) }, noStore);
  } catch (err) {
    return errorResponse("provider-mappings.list", err);
  }
}

/** POST /api/v1/provider-mappings: creates or replaces the mapping of one provider project/workspace/key. */
export async function handleUpsertMapping(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    return Response.json(await upsertMapping(g.principal.orgId, actor(g.principal), await readJsonBody(req, MAX_BODY)), { status: 201, ...noStore });
  } catch (err) {
    return errorResponse("provider-mappings.upsert", err);
  }
}

export async function handleDeleteMapping(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const ok = await deleteMapping(g.principal.orgId, actor(g.principal), (await ctx.params).id);
    return ok ? new Response(null, { status: 204 }) : jsonError(404, "No such provider mapping in this organization.");
  } catch (err) {
    return errorResponse("provider-mappings.delete", err);
  }
}

/** GET/PUT /api/v1/reconciliation/coverage-alert: {"threshold_percent": 1-100 | null} */
export async function handleGetCoverageAlert(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    return Response.json(await getCoverageSetting(g.principal.orgId), noStore);
  } catch (err) {
    return errorResponse("coverage-alert.get", err);
  }
}

export async function handlePutCoverageAlert(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    return Response.json(await setCoverageSetting(g.principal.orgId, actor(g.principal), await readJsonBody(req, MAX_BODY)), noStore);
  } catch (err) {
    return errorResponse("coverage-alert.put", err);
  }
}
