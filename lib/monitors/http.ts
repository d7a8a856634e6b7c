import "server-only";
import { actorOf } from "@/lib/audit/record";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import { db } from "@/lib/db/prisma";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { apiCreateMonitor, apiDeleteMonitor, apiGetMonitor, apiListMonitors, apiUpdateMonitor, type ApiContext } from "./api";

/**
 * /api/v1/monitors: reads with a `read` key or a session that may view alerts (alerts.view); writes
 * with a `manage` key or a session with alerting.manage.
 */
const MAX_BODY = 64 * 1024;

async function actor(p: RequestPrincipal): Promise<string> {
  if (p.kind === "apiKey") {
    const key = await db().apiKey.findUnique({ where: { id: p.keyId }, select: { prefix: true } });
    return actorOf({ kind: "apiKey", keyId: p.keyId, prefix: key?.prefix });
  }
  const user = await db().user.findUnique({ where: { id: p.userId }, select: { email: true } });
  return actorOf({ kind: "user", userId: p.userId, email: user?.email });
}

async function handle(req: Request, write: boolean, route: string, run: (ctx: ApiContext) => Promise<Response>): Promise<Response> {
  const auth = write ? await authenticate(req, "manage", "alerting.manage") : await authenticate(req, "read", "alerts.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  try {
    return await run({ orgId: auth.principal.orgId, actor: write ? await actor(auth.principal) : "" });
  } catch (err) {
    return errorResponse(route, err);
  }
}

export const handleListMonitors = (req: Request) => handle(req, false, "monitors.list", apiListMonitors);
export const handleGetMonitor = (req: Request, id: string) => handle(req, false, "monitors.get", (ctx) => apiGetMonitor(ctx, id));
export const handleCreateMonitor = (req: Request) => handle(req, true, "monitors.create", async (ctx) => apiCreateMonitor(ctx, await readJsonBody(req, MAX_BODY)));
export const handleUpdateMonitor = (req: Request, id: string) => handle(req, true, "monitors.update", async (ctx) => apiUpdateMonitor(ctx, id, await readJsonBody(req, MAX_BODY)));
export const handleDeleteMonitor = (req: Request, id: string) => handle(req, true, "monitors.delete", (ctx) => apiDeleteMonitor(ctx, id));
