import "server-only";
import type { IncomingMessage } from "node:http";
import { actorOf } from "@/lib/audit/record";
import { checkKeyRequestLimit, keyRequestRefusal } from "@/lib/auth/key-limits";
import { authenticate, authenticateBearer, type RequestPrincipal } from "@/lib/auth/request";
import { readJsonBody } from "@/lib/http/body";
import { errorAnswer, errorResponse, jsonError, jsonErrorAnswer, toResponse, type JsonAnswer } from "@/lib/http/responses";
import { budgetJson, statusJson } from "./api-shape";
import { checkBudgets, parseCheckParams } from "./check";
import { getBudget, listBudgets } from "./repository";
import { createBudget, deleteBudget, updateBudget } from "./service";
import { budgetStatuses } from "./status";

/** Route handlers of /api/v1/budgets: read scope or budgets.view to read, manage scope or budgets.manage to write. */

const MAX_BODY = 64 * 1024;
type Ctx = { params: Promise<{ id: string }> };
const noStore = { headers: { "cache-control": "no-store" } };

async function guard(req: Request, write: boolean): Promise<{ principal: RequestPrincipal } | { response: Response }> {
  const auth = await authenticate(req, write ? "manage" : "read", write ? "budgets.manage" : "budgets.view");
  if (!auth.ok) return { response: jsonError(auth.status, auth.error) };
  const limited = await checkKeyRequestLimit(auth.principal);
  return limited ? { response: limited } : { principal: auth.principal };
}

const actor = (p: RequestPrincipal) => (p.kind === "apiKey" ? actorOf({ kind: "apiKey", keyId: p.keyId }) : actorOf({ kind: "user", userId: p.userId }));
const notFound = () => jsonError(404, "No such budget in this organization.");

export async function handleListBudgets(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const list = await budgetStatuses(g.principal.orgId, await listBudgets(g.principal.orgId));
    return Response.json({ budgets: list.map((b) => ({ ...budgetJson(b), status: statusJson(b.status) })) }, noStore);
  } catch (err) {
    return errorResponse("budgets.list", err);
  }
}

export async function handleCreateBudget(req: Request): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const created = await createBudget(g.principal.orgId, actor(g.principal), await readJsonBody(req, MAX_BODY));
    return Response.json(budgetJson(created), { status: 201, ...noStore });
  } catch (err) {
    return errorResponse("budgets.create", err);
  }
}

export async function handleGetBudget(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  try {
    const b = await getBudget(g.principal.orgId, (await ctx.params).id);
    if (!b) return notFound();
    const [withStatus] = await budgetStatuses(g.principal.orgId, [b]);
    return Response.json({ ...budgetJson(b), status: statusJson(withStatus.status) }, noStore);
  } catch (err) {
    return errorResponse("budgets.get", err);
  }
}

export async function handleUpdateBudget(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    const updated = await updateBudget(g.principal.orgId, actor(g.principal), (await ctx.params).id, await readJsonBody(req, MAX_BODY));
    return updated ? Response.json(budgetJson(updated), noStore) : notFound();
  } catch (err) {
    return errorResponse("budgets.update", err);
  }
}

export async function handleDeleteBudget(req: Request, ctx: Ctx): Promise<Response> {
  const g = await guard(req, true);
  if ("response" in g) return g.response;
  try {
    return (await deleteBudget(g.principal.orgId, actor(g.principal), (await ctx.params).id)) ? new Response(null, { status: 204 }) : notFound();
  } catch (err) {
    return errorResponse("budgets.delete", err);
  }
}

export async function handleCheckBudgets(req: Request): Promise<Response> {
  const g = await guard(req, false);
  if ("response" in g) return g.response;
  return toResponse(await checkAnswer(g.principal, new URL(req.url).searchParams));
}

async function checkAnswer(principal: RequestPrincipal, query: URLSearchParams): Promise<JsonAnswer> {
  const params = parseCheckParams(query);
  if (!params.ok) return jsonErrorAnswer(400, "Invalid query parameters.", params.errors);
  try {
    return { status: 200, body: await checkBudgets(principal.orgId, params.value), headers: { "cache-control": "no-store" } };
  } catch (err) {
    return errorAnswer("budgets.check", err);
  }
}

/**
 * The check as a fast route (lib/http/fast-routes.ts), answered before Next.js: a GET with an API key,
 * as gateways send it, with the same answers as the route file. Anything else (a session, another
 * method) returns null and is served by the route file.
 */
export function fastCheckBudgets(url: URL, req: IncomingMessage): Promise<JsonAnswer> | null {
  const authorization = req.headers.authorization;
  if (req.method !== "GET" || !authorization) return null;
  return (async () => {
    const auth = await authenticateBearer(authorization, "read");
    if (!auth.ok) return jsonErrorAnswer(auth.status, auth.error);
    return (await keyRequestRefusal(auth.principal)) ?? checkAnswer(auth.principal, url.searchParams);
  })();
}
