import "server-only";
import { actorOf } from "@/lib/audit/record";
import { authenticate } from "@/lib/auth/request";
import { HttpError, readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { DEFAULT_MAPPING, mappingInputSchema } from "./attribute-mapping";
import { getMapping, setMapping } from "./mapping-store";

const noStore = { headers: { "cache-control": "no-store" } };

/** GET /api/v1/otlp-mapping: the organization's attribute mapping and the defaults. */
export async function handleGetMapping(req: Request): Promise<Response> {
  const auth = await authenticate(req, "manage", "apikeys.manage");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  try {
    return Response.json({ mapping: await getMapping(auth.principal.orgId), defaults: DEFAULT_MAPPING }, noStore);
  } catch (err) {
    return errorResponse("otlp-mapping.get", err);
  }
}

/** PUT /api/v1/otlp-mapping: replaces the mapping; a dimension left out gets its default. */
export async function handlePutMapping(req: Request): Promise<Response> {
  const auth = await authenticate(req, "manage", "apikeys.manage");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const p = auth.principal;
  try {
    const parsed = mappingInputSchema.safeParse(await readJsonBody(req, 16 * 1024));
    if (!parsed.success) {
      throw new HttpError(422, "Invalid attribute mapping.", parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`));
    }
    const actor = p.kind === "user" ? actorOf({ kind: "user", userId: p.userId }) : actorOf({ kind: "apiKey", keyId: p.keyId });
    return Response.json({ mapping: await setMapping(p.orgId, actor, parsed.data), defaults: DEFAULT_MAPPING }, noStore);
  } catch (err) {
    return errorResponse("otlp-mapping.put", err);
  }
}
