import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyEventQuota, checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { HttpError, readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { BatchError, ingestEvents, parseBatch } from "./ingest-batch";

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * POST /api/v1/events. 200 when every event is accepted or already stored, 207 when some were
 * rejected, 422 when all were; 4xx for the request as a whole writes nothing; 503 means the store
 * failed and nothing in the batch was acknowledged, so the client retries it (ids make that safe).
 */
export async function handleIngest(req: Request): Promise<Response> {
  const auth = await authenticate(req, "ingest");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const keyId = auth.principal.kind === "apiKey" ? auth.principal.keyId : "";
  let events: unknown[];
  try {
    events = parseBatch(await readJsonBody(req, MAX_BODY_BYTES));
  } catch (err) {
    if (err instanceof BatchError) return jsonError(err.status, err.message, err.details);
    return errorResponse("ingest", err);
  }
  const overQuota = await checkKeyEventQuota(auth.principal, events.length);
  if (overQuota) return overQuota;
  try {
    const result = await ingestEvents(auth.principal.orgId, keyId, events);
    const ok = result.accepted + result.duplicates;
    const status = result.rejected === 0 ? 200 : ok === 0 ? 422 : 207;
    return Response.json(result, { status });
  } catch (err) {
    console.error("[ingest] store failed", err);
    return errorResponse("ingest", new HttpError(503, "Events could not be stored and none were acknowledged; retry the same batch."));
  }
}
