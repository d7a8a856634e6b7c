import "server-only";
import { actorOf } from "@/lib/audit/record";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { sloJson, statusJson } from "./api-shape";
import { getSlo, listSlos } from "./repository";
import { createSlo, deleteSlo, updateSlo } from "./service";
import { sloStatuses } from "./status-load";

/** Route handlers of /api/v1/slos: read scope (slos.view) to read, manage scope and slos.manage to write. */

const MAX_BODY = 16 * 1024;
type Ctx = { params: Promise<{ id: string }> };
const noStore = { headers: { "cache-control": "no-store" } };

async function guard(req: Request, write: boolean): Promise<{ principal: RequestPrincipal } | { response: Response }> {
  const auth = await authenticate(req, write ? "manage" : "read", write ? "slos.manage" : "slos.view");
  if (!auth.ok) return { response: jsonError(auth.status, auth.error) };
  const limited = await checkKeyRequestLimit(auth.principal);
  return limited ? { response: limited } : { principal: auth.principal };
}

const actor = (p: RequestPrincipal) => (p.kind === "apiKey" ? actorOf({ kind: "apiKey", keyId: p.keyId }) : actorOf({ kind: "user", userId: p.userId }));
const notFound = () => jsonError(404, "No such SLO in this organization.");

export async function handleListSlos(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const list = await sloStatuses(await listSlos(g.principal.orgId));
    return Response.json({ slos: list.map((s) => ({ ...sloJson(s), status: statusJson(s.status) })) }, noStore);
  } catch (err) {
    return errorResponse("slos.list", err);
  }
}

export async function handleCreateSlo(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const created = await createSlo(g.principal.orgId, actor(g.principal), await readJsonBody(req, MAX_BODY));
    return Response.json(sloJson(created), { status: 201, ...noStore });
  } catch (err) {
    return errorResponse("slos.create", err);
  }
}

export async function handleGetSlo(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const s = await getSlo(g.principal.orgId, (await ctx.params).id);
    if (!s) return notFound();
    const [withStatus] = await sloStatuses([s]);
    return Response.json({ ...sloJson(s), status: statusJson(withStatus.status) }, noStore);
  } catch (err) {
    return errorResponse("slos.get", err);
  }
}

export async function handleUpdateSlo(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const updated = await updateSlo(g.principal.orgId, actor(g.principal), (await ctx.params).id, await readJsonBody(req, MAX_BODY));
    return updated ? Response.json(sloJson(updated), noStore) : notFound();
  } catch (err) {
    return errorResponse("slos.update", err);
  }
}

export async function handleDeleteSlo(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    return (await deleteSlo(g.principal.orgId, actor(g.principal), (await ctx.params).id)) ? new Response(null, { status: 204 }) : notFound();
  } catch (err) {
    return errorResponse("slos.delete", err);
  }
}
