import "server-only";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { authed, noStore, notFound, validBody } from "./http-common";
import { createRoutingRule, deleteRoutingRule, listRoutingRules, routingRuleInputSchema } from "./routing-rules";
import { createSilence, expireSilence, listSilences, silenceInputSchema } from "./silences";

export async function handleListRoutingRules(req: Request): Promise<Response> {
  const a = await authed(req, "read", "alerts.view");
  if (a instanceof Response) return a;
  try {
    return Response.json({ routing_rules: await listRoutingRules(a.orgId) }, noStore);
  } catch (err) {
    return errorResponse("routing-rules.list", err);
  }
}

export async function handleCreateRoutingRule(req: Request): Promise<Response> {
  const a = await authed(req, "manage", "alerting.manage");
  if (a instanceof Response) return a;
  try {
    const r = await createRoutingRule(a.orgId, a.actor, await validBody(req, routingRuleInputSchema));
    return r.ok ? Response.json({ routing_rule: r.rule }, { status: 201, ...noStore }) : jsonError(422, "Invalid routing rule.", r.details);
  } catch (err) {
    return errorResponse("routing-rules.create", err);
  }
}

export async function handleDeleteRoutingRule(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "alerting.manage");
  if (a instanceof Response) return a;
  try {
    return (await deleteRoutingRule(a.orgId, a.actor, id)) ? new Response(null, { status: 204 }) : notFound("routing rule", id);
  } catch (err) {
    return errorResponse("routing-rules.delete", err);
  }
}

export async function handleListSilences(req: Request): Promise<Response> {
  const a = await authed(req, "read", "alerts.view");
  if (a instanceof Response) return a;
  try {
    return Response.json({ silences: await listSilences(a.orgId) }, noStore);
  } catch (err) {
    return errorResponse("silences.list", err);
  }
}

/** Silences are an on-call tool: the manage scope, or a role that may act on alerts (alerts.act). */
export async function handleCreateSilence(req: Request): Promise<Response> {
  const a = await authed(req, "manage", "alerts.act");
  if (a instanceof Response) return a;
  try {
    const r = await createSilence(a.orgId, a.actor, await validBody(req, silenceInputSchema));
    return r.ok ? Response.json({ silence: r.silence }, { status: 201, ...noStore }) : jsonError(422, "Invalid silence.", r.details);
  } catch (err) {
    return errorResponse("silences.create", err);
  }
}

/** DELETE /api/v1/silences/{id} expires the silence now (the row stays for the record). */
export async function handleExpireSilence(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "alerts.act");
  if (a instanceof Response) return a;
  try {
    return (await expireSilence(a.orgId, a.actor, id)) ? new Response(null, { status: 204 }) : notFound("silence", id);
  } catch (err) {
    return errorResponse("silences.expire", err);
  }
}
