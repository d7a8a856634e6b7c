import "server-only";
import { checkKeyEventQuota, checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { authenticate } from "@/lib/auth/request";
import { HttpError } from "@/lib/http/body";
import type { Signal } from "./codec";
import { exportMetrics } from "./metrics-export";
import { collectSpans, exportSpans, getMapping } from "./traces-export";
import { asStatus, decodeBody, encodingOf, exportAnswer, maxBodyBytes, readOtlpBody, statusAnswer } from "./transport";

/** Seconds a client waits before retrying a batch the store could not take. */
const STORE_RETRY_AFTER_S = 5;

/**
 * POST /api/otlp/v1/traces and /api/otlp/v1/metrics. 200 with partial_success when some spans or
 * points were rejected; 400/401/403/413/415 for the request as a whole (nothing written); 429 or 503
 * with Retry-After when nothing was acknowledged and the same request may be sent again (span ids
 * make that safe).
 */
export async function handleOtlp(req: Request, signal: Signal): Promise<Response> {
  const encoding = encodingOf(req);
  if (!encoding) {
    return statusAnswer(null, 415, `Content-Type must be application/x-protobuf or application/json (OTLP/HTTP), got "${(req.headers.get("content-type") ?? "").slice(0, 60)}".`);
  }
  const auth = await authenticate(req, "ingest");
  if (!auth.ok) return statusAnswer(encoding, auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return asStatus(encoding, limited);
  const orgId = auth.principal.orgId;
  const keyId = auth.principal.kind === "apiKey" ? auth.principal.keyId : "";
  let request: Record<string, unknown>;
  try {
    request = decodeBody(signal, encoding, await readOtlpBody(req, maxBodyBytes()));
  } catch (err) {
    if (err instanceof HttpError) return statusAnswer(encoding, err.status, err.message);
    console.error(`[otlp.${signal}] reading the body failed`, err);
    return statusAnswer(encoding, 400, "Body could not be read.");
  }
  try {
    if (signal === "metrics") return exportAnswer(signal, encoding, await exportMetrics(orgId, request));
    const batch = collectSpans(request, await getMapping(orgId));
    const overQuota = await checkKeyEventQuota(auth.principal, batch.events.length);
    if (overQuota) return asStatus(encoding, overQuota);
    return exportAnswer(signal, encoding, await exportSpans(orgId, keyId, batch));
  } catch (err) {
    console.error(`[otlp.${signal}] store failed`, err);
    return statusAnswer(encoding, 503, "The data could not be stored and none of it was acknowledged; retry the same request.", STORE_RETRY_AFTER_S);
  }
}
