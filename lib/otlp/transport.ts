import "server-only";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { z } from "zod";
import { exceedsDepth, HttpError, MAX_JSON_DEPTH } from "@/lib/http/body";
import { readTraceRequest } from "./trace-request-reader";
import { decodeRequest, DecodeError, encodeResponse, encodeStatus, responseObject, type ExportResult, type Signal } from "./codec";

/**
 * OTLP/HTTP framing (opentelemetry-proto docs/specification.md, "OTLP/HTTP"): the two encodings,
 * gzip, the body limit (413, checked after decompression too) and answers in the request's encoding.
 */
export type Encoding = "json" | "protobuf";

const gunzip = promisify(zlib.gunzip);

/** The spec recommends 64 MiB as the default limit, configurable: OTLP_MAX_BODY_MB. */
const limitSchema = z.coerce.number().int().min(1).max(1024).default(64);
export function maxBodyBytes(): number {
  const parsed = limitSchema.safeParse(process.env.OTLP_MAX_BODY_MB || undefined);
  return (parsed.success ? parsed.data : 64) * 1024 * 1024;
}

export function encodingOf(req: Request): Encoding | null {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  return null;
}

/** The body bytes, gunzipped when Content-Encoding says gzip; never more than `max` bytes before or after. */
export async function readOtlpBody(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(max);
      }
      chunks.push(value);
    }
  }
  const raw = Buffer.concat(chunks);
  const coding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (coding === "identity" || coding === "") return raw;
  if (coding !== "gzip" && coding !== "x-gzip") throw new HttpError(415, `Content-Encoding "${coding.slice(0, 40)}" is not supported: send gzip or no encoding.`);
  try {
    return await gunzip(raw, { maxOutputLength: max });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(max);
    throw new HttpError(400, "Body is not valid gzip although Content-Encoding says gzip.");
  }
}

function tooLarge(max: number) {
  return new HttpError(413, `Body is larger than ${Math.round(max / 1024 / 1024)} MiB (after decompression): export smaller batches, or raise OTLP_MAX_BODY_MB.`);
}

/** Decodes an Export<Signal>ServiceRequest; an empty body is an empty request (the spec answers it with success). */
export function decodeBody(signal: Signal, encoding: Encoding, bytes: Uint8Array): Record<string, unknown> {
  if (encoding === "protobuf") {
    try {
      // Spans through the direct reader (the hot path); metrics, far fewer, through reflection.
      return signal === "traces" ? readTraceRequest(bytes) : decodeRequest(signal, bytes);
    } catch (err) {
      const reason = err instanceof DecodeError ? err.message : `not a protobuf-encoded ExportTraceServiceRequest (${err instanceof Error ? err.message : "decode error"})`;
      throw new HttpError(400, `Body is ${reason}.`);
    }
  }
  if (bytes.byteLength === 0) return {};
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (exceedsDepth(text, MAX_JSON_DEPTH)) throw new HttpError(400, `Body nests JSON more than ${MAX_JSON_DEPTH} levels deep.`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `Body is not valid JSON (${err instanceof Error ? err.message : "parse error"}).`);
  }
  const top = signal === "traces" ? "resourceSpans" : "resourceMetrics";
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new HttpError(400, `Body must be an OTLP/JSON Export${signal === "traces" ? "Trace" : "Metrics"}ServiceRequest object ({"${top}": [...]}).`);
  const value = (parsed as Record<string, unknown>)[top];
  if (value !== undefined && value !== null && !Array.isArray(value)) throw new HttpError(400, `${top}: expected an array.`);
  return parsed as Record<string, unknown>;
}

const JSON_TYPE = { "content-type": "application/json", "cache-control": "no-store" };
const PROTO_TYPE = { "content-type": "application/x-protobuf", "cache-control": "no-store" };

export function exportAnswer(signal: Signal, encoding: Encoding, r: ExportResult): Response {
  if (encoding === "protobuf") return new Response(Buffer.from(encodeResponse(signal, r)), { status: 200, headers: PROTO_TYPE });
  return new Response(JSON.stringify(responseObject(signal, r)), { status: 200, headers: JSON_TYPE });
}

/** google.rpc.Code for each HTTP status the endpoints answer (the spec lets clients ignore it; it helps logs). */
const RPC_CODE: Record<number, number> = { 400: 3, 401: 16, 403: 7, 413: 8, 415: 3, 429: 8, 500: 13, 503: 14 };

/** A failure as google.rpc.Status in the request's encoding (JSON when the content type was not understood). */
export function statusAnswer(encoding: Encoding | null, status: number, message: string, retryAfterS?: number): Response {
  const headers: Record<string, string> = { ...(encoding === "protobuf" ? PROTO_TYPE : JSON_TYPE) };
  if (retryAfterS !== undefined) headers["retry-after"] = String(retryAfterS);
  const code = RPC_CODE[status] ?? 2;
  const body = encoding === "protobuf" ? Buffer.from(encodeStatus(code, message)) : JSON.stringify({ code, message });
  return new Response(body, { status, headers });
}

/** A 429 from the key limits (lib/auth/key-limits, JSON) re-said as a Status with its Retry-After. */
export async function asStatus(encoding: Encoding, limited: Response): Promise<Response> {
  const body = (await limited.json().catch(() => ({}))) as { error?: string };
  const retry = Number(limited.headers.get("retry-after"));
  return statusAnswer(encoding, limited.status, body.error ?? "Rate limit reached.", Number.isFinite(retry) ? retry : undefined);
}
