import "server-only";
import { actorOf } from "@/lib/audit/record";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { parseListQuery, recommendationList } from "./api-view";
import { changeStatus } from "./lifecycle";
import { recomputeRecommendations } from "./recompute";
import { getRecommendation, timelineOf } from "./store";

/** Route handlers of /api/v1/recommendations: read scope (or recommendations.view) to read, manage scope (or recommendations.manage) to change. */

const MAX_BODY = 16 * 1024;
type Ctx = { params: Promise<{ id: string }> };
const noStore = { headers: { "cache-control": "no-store" } };

async function guard(req: Request, write: boolean): Promise<{ principal: RequestPrincipal } | { response: Response }> {
  const auth = await authenticate(req, write ? "manage" : "read", write ? "recommendations.manage" : "recommendations.view");
  if (!auth.ok) return { response: jsonError(auth.status, auth.error) };
  const limited = await checkKeyRequestLimit(auth.principal);
  return limited ? { response: limited } : { principal: auth.principal };
}

const actor = (p: RequestPrincipal) => (p.kind === "apiKey" ? actorOf({ kind: "apiKey", keyId: p.keyId }) : actorOf({ kind: "user", userId: p.userId }));

export async function handleListRecommendations(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const filter = parseListQuery(new URL(req.url).searchParams);
    return Response.json(await recommendationList(g.principal.orgId, filter), noStore);
  } catch (err) {
    return errorResponse("recommendations.list", err);
  }
}

export async function handleGetRecommendation(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const id = (await ctx.params).id;
    const rec = await getRecommendation(g.principal.orgId, id);
    if (!rec) return jsonError(404, "No such recommendation in this organization.");
    return Response.json({ ...rec, timeline: await timelineOf(g.principal.orgId, id) }, noStore);
  } catch (err) {
    return errorResponse("recommendations.get", err);
  }
}

export async function handleRefreshRecommendations(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const started = Date.now();
    const result = await recomputeRecommendations(g.principal.orgId);
    return Response.json({ ...result, seconds: (Date.now() - started) / 1000 }, noStore);
  } catch (err) {
    return errorResponse("recommendations.refresh", err);
  }
}

export async function handleRecommendationStatus(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const updated = await changeStatus(g.principal.orgId, actor(g.principal), (await ctx.params).id, await readJsonBody(req, MAX_BODY));
    return updated ? Response.json(updated, noStore) : jsonError(404, "No such recommendation in this organization.");
  } catch (err) {
    return errorResponse("recommendations.status", err);
  }
}
