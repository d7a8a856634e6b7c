import "server-only";
/**
 * Route handlers of /api/v1/deployments and /api/v1/self-hosted: read scope or selfhosted.view to
 * read, manage scope or selfhosted.manage to change deployments.
 */
import { actorOf } from "@/lib/audit/record";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { deploymentJson } from "./deployment-types";
import { createDeployment, deleteDeployment, getDeployment, listDeployments, updateDeployment } from "./deployments";
import { groupRows, loadDeploymentData } from "./report";
import { parseReportParams } from "./report-params";

const MAX_BODY = 64 * 1024;
type Ctx = { params: Promise<{ id: string }> };
const noStore = { headers: { "cache-control": "no-store" } };

async function guard(req: Request, write: boolean): Promise<{ principal: RequestPrincipal } | { response: Response }> {
  const auth = await authenticate(req, write ? "manage" : "read", write ? "selfhosted.manage" : "selfhosted.view");
  if (!auth.ok) return { response: jsonError(auth.status, auth.error) };
  const limited = await checkKeyRequestLimit(auth.principal);
  return limited ? { response: limited } : { principal: auth.principal };
}

const actor = (p: RequestPrincipal) => (p.kind === "apiKey" ? actorOf({ kind: "apiKey", keyId: p.keyId }) : actorOf({ kind: "user", userId: p.userId }));
const notFound = () => jsonError(404, "No such deployment in this organization.");

export async function handleListDeployments(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    return Response.json({ deployments: (await listDeployments(g.principal.orgId)).map(deploymentJson) }, noStore);
  } catch (err) {
    return errorResponse("deployments.list", err);
  }
}

export async function handleCreateDeployment(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const d = await createDeployment(g.principal.orgId, actor(g.principal), await readJsonBody(req, MAX_BODY));
    return Response.json(deploymentJson(d), { status: 201, ...noStore });
  } catch (err) {
    return errorResponse("deployments.create", err);
  }
}

export async function handleGetDeployment(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const d = await getDeployment(g.principal.orgId, (await ctx.params).id);
    return d ? Response.json(deploymentJson(d), noStore) : notFound();
  } catch (err) {
    return errorResponse("deployments.get", err);
  }
}

export async function handleUpdateDeployment(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const d = await updateDeployment(g.principal.orgId, actor(g.principal), (await ctx.params).id, await readJsonBody(req, MAX_BODY));
    return d ? Response.json(deploymentJson(d), noStore) : notFound();
  } catch (err) {
    return errorResponse("deployments.update", err);
  }
}

export async function handleDeleteDeployment(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    return (await deleteDeployment(g.principal.orgId, actor(g.principal), (await ctx.params).id)) ? new Response(null, { status: 204 }) : notFound();
  } catch (err) {
    return errorResponse("deployments.delete", err);
  }
}

export async function handleSelfHostedReport(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  const p = parseReportParams(new URL(req.url).searchParams, Date.now());
  if (!p.ok) return jsonError(400, "Invalid query parameters.", p.errors);
  try {
    const { fromMs, toMs, groupBy } = p.value;
    const rows = groupRows(await loadDeploymentData(g.principal.orgId, fromMs, toMs), groupBy).map(({ key: _k, ...r }) => r);
    return Response.json({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), group_by: groupBy, rows }, noStore);
  } catch (err) {
    return errorResponse("self-hosted.report", err);
  }
}
