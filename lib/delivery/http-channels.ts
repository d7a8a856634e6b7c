import "server-only";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { channelInputSchema } from "./channel-config";
import { createChannel, deleteChannel, getChannel, listChannels } from "./channels";
import { authed, noStore, notFound, validBody } from "./http-common";
import { listChannelDeliveries } from "./log";
import { sendTestNotification } from "./send-test";

/** GET /api/v1/channels: never any secret, only the non-secret display summary. */
export async function handleListChannels(req: Request): Promise<Response> {
  const a = await authed(req, "read", "alerts.view");
  if (a instanceof Response) return a;
  try {
    return Response.json({ channels: await listChannels(a.orgId) }, noStore);
  } catch (err) {
    return errorResponse("channels.list", err);
  }
}

/** POST /api/v1/channels: a webhook channel's answer carries its `whsec_` signing secret, this once. */
export async function handleCreateChannel(req: Request): Promise<Response> {
  const a = await authed(req, "manage", "alerting.manage");
  if (a instanceof Response) return a;
  try {
    const input = await validBody(req, channelInputSchema);
    const r = await createChannel(a.orgId, a.actor, input);
    if (!r.ok) return jsonError(422, "Invalid channel config.", r.details);
    const body = r.created.secret ? { channel: r.created.channel, signing_secret: r.created.secret } : { channel: r.created.channel };
    return Response.json(body, { status: 201, ...noStore });
  } catch (err) {
    return errorResponse("channels.create", err);
  }
}

export async function handleGetChannel(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "read", "alerts.view");
  if (a instanceof Response) return a;
  try {
    const channel = (await listChannels(a.orgId)).find((c) => c.id === id);
    return channel ? Response.json({ channel }, noStore) : notFound("channel", id);
  } catch (err) {
    return errorResponse("channels.get", err);
  }
}

export async function handleDeleteChannel(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "alerting.manage");
  if (a instanceof Response) return a;
  try {
    return (await deleteChannel(a.orgId, a.actor, id)) ? new Response(null, { status: 204 }) : notFound("channel", id);
  } catch (err) {
    return errorResponse("channels.delete", err);
  }
}

/** POST /api/v1/channels/{id}/test: a real send of a sample alert; the answer is its outcome. */
export async function handleTestChannel(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "alerting.manage");
  if (a instanceof Response) return a;
  try {
    const outcome = await sendTestNotification(a.orgId, id);
    return outcome ? Response.json(outcome, noStore) : notFound("channel", id);
  } catch (err) {
    return errorResponse("channels.test", err);
  }
}

/** GET /api/v1/channels/{id}/deliveries: the channel's latest 50 notifications, newest first. */
export async function handleChannelDeliveries(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "read", "alerts.view");
  if (a instanceof Response) return a;
  try {
    if (!(await getChannel(a.orgId, id))) return notFound("channel", id);
    return Response.json({ deliveries: await listChannelDeliveries(a.orgId, id) }, noStore);
  } catch (err) {
    return errorResponse("channels.deliveries", err);
  }
}
