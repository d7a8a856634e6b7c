import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { auditQuerySchema, listAudit } from "./query";

/** GET /api/v1/audit: an API key with the read scope, or a signed-in admin. */
export async function handleAudit(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "audit.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const unknown = Object.keys(params).filter((k) => !(k in auditQuerySchema.shape));
  if (unknown.length) return jsonError(400, "Invalid query parameters.", [`unknown parameters: ${unknown.join(", ")}`]);
  const q = auditQuerySchema.safeParse(params);
  if (!q.success) return jsonError(400, "Invalid query parameters.", q.error.issues.map((i) => i.message));
  try {
    return Response.json(await listAudit(auth.principal.orgId, q.data), { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("audit", err);
  }
}
