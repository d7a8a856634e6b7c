import "server-only";
import { actorOf } from "@/lib/audit/record";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { db } from "@/lib/db/prisma";
import { HttpError, readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { acknowledgeAlert, resolveAlert, snoozeAlert } from "./actions";
import { toApiAlert } from "./api-view";
import { isAlertId, parseAlertListParams, parseSnooze } from "./params";
import { getAlert, listAlerts } from "./queries";

const NO_STORE = { headers: { "cache-control": "no-store" } };
type RouteCtx = { params: Promise<{ id: string }> };

async function principalOf(req: Request, write: boolean): Promise<RequestPrincipal | Response> {
  const auth = write ? await authenticate(req, "manage", "alerts.act") : await authenticate(req, "read", "alerts.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  return (await checkKeyRequestLimit(auth.principal)) ?? auth.principal;
}

/** GET /api/v1/alerts: a read-scoped key or a signed-in user with alerts.view. */
export async function handleListAlerts(req: Request): Promise<Response> {
  const p = await principalOf(req, false);
  if (p instanceof Response) return p;
  const params = parseAlertListParams(new URL(req.url).searchParams);
  if (!params.ok) return jsonError(400, "Invalid query parameters.", params.errors);
  try {
    const { alerts, nextCursor } = await listAlerts(p.orgId, params.value);
    return Response.json({ alerts: alerts.map((a) => toApiAlert(a)), next_cursor: nextCursor }, NO_STORE);
  } catch (err) {
    return errorResponse("alerts.list", err);
  }
}

/** GET /api/v1/alerts/{id}: the alert with its timeline. */
export async function handleGetAlert(req: Request, ctx: RouteCtx): Promise<Response> {
  const p = await principalOf(req, false);
  if (p instanceof Response) return p;
  const { id } = await ctx.params;
  try {
    const found = isAlertId(id) ? await getAlert(p.orgId, id) : null;
    if (!found) return jsonError(404, `No alert with id "${id.slice(0, 64)}" in this organization.`);
    return Response.json({ alert: toApiAlert(found.alert, found.timeline) }, NO_STORE);
  } catch (err) {
    return errorResponse("alerts.get", err);
  }
}

export type AlertAction = "acknowledge" | "resolve" | "snooze";

/** POST /api/v1/alerts/{id}/acknowledge|resolve|snooze: a manage-scoped key or a user with alerts.act. */
export async function handleAlertAction(req: Request, ctx: RouteCtx, action: AlertAction): Promise<Response> {
  const p = await principalOf(req, true);
  if (p instanceof Response) return p;
  const { id } = await ctx.params;
  try {
    if (!isAlertId(id)) throw new HttpError(404, `No alert with id "${id.slice(0, 64)}" in this organization.`);
    const who = { orgId: p.orgId, actor: await actorFor(p) };
    if (action === "acknowledge") await acknowledgeAlert(id, who);
    else if (action === "resolve") await resolveAlert(id, who);
    else {
      const body = parseSnooze(await readJsonBody(req, 16 * 1024));
      if (!body.ok) return jsonError(422, "Invalid snooze.", body.errors);
      await snoozeAlert(id, body.value, who);
    }
    const found = await getAlert(p.orgId, id);
    return Response.json({ alert: toApiAlert(found!.alert, found!.timeline) }, NO_STORE);
  } catch (err) {
    return errorResponse(`alerts.${action}`, err);
  }
}

/** The timeline names people by email (what a colleague recognises), keys by id. */
async function actorFor(p: RequestPrincipal): Promise<string> {
  if (p.kind === "apiKey") return actorOf({ kind: "apiKey", keyId: p.keyId });
  const user = await db().user.findUnique({ where: { id: p.userId }, select: { email: true } });
  return actorOf({ kind: "user", userId: p.userId, email: user?.email });
}
