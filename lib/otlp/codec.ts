import protobuf from "protobufjs";
import { OTLP_DESCRIPTOR } from "./proto/descriptor";

/**
 * Binary protobuf for OTLP/HTTP, from the official message definitions (proto/). protobufjs builds
 * the decoders once from the descriptor; decoded messages keep the JSON encoding's lowerCamel field
 * names, so one reader (otlp-values.ts) serves both encodings.
 */
const root = protobuf.Root.fromJSON(OTLP_DESCRIPTOR as protobuf.INamespace);
const type = (name: string) => root.lookupType(name);
const TRACE_REQUEST = type("opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest");
const TRACE_RESPONSE = type("opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse");
const METRICS_REQUEST = type("opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest");
const METRICS_RESPONSE = type("opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse");
const STATUS = type("google.rpc.Status");

export type Signal = "traces" | "metrics";

export class DecodeError extends Error {}

/** Decodes an Export<Signal>ServiceRequest; a body that is not one throws DecodeError with protobufjs's reason. */
export function decodeRequest(signal: Signal, bytes: Uint8Array): Record<string, unknown> {
  try {
    return (signal === "traces" ? TRACE_REQUEST : METRICS_REQUEST).decode(bytes) as unknown as Record<string, unknown>;
  } catch (err) {
    throw new DecodeError(`not a protobuf-encoded Export${signal === "traces" ? "Trace" : "Metrics"}ServiceRequest (${err instanceof Error ? err.message : "decode error"})`);
  }
}

export function encodeRequest(signal: Signal, message: Record<string, unknown>): Uint8Array {
  const t = signal === "traces" ? TRACE_REQUEST : METRICS_REQUEST;
  return t.encode(t.fromObject(message)).finish();
}

/** `rejected` counts spans (traces) or data points (metrics); 0 with no message leaves partial_success unset, as the spec requires. */
export type ExportResult = { rejected: number; errorMessage: string };

export function responseObject(signal: Signal, r: ExportResult): Record<string, unknown> {
  if (r.rejected === 0 && !r.errorMessage) return {};
  const count = signal === "traces" ? { rejectedSpans: String(r.rejected) } : { rejectedDataPoints: String(r.rejected) };
  return { partialSuccess: { ...count, errorMessage: r.errorMessage } };
}

export function encodeResponse(signal: Signal, r: ExportResult): Uint8Array {
  const t = signal === "traces" ? TRACE_RESPONSE : METRICS_RESPONSE;
  return t.encode(t.fromObject(responseObject(signal, r))).finish();
}

export function decodeResponse(signal: Signal, bytes: Uint8Array): Record<string, unknown> {
  const t = signal === "traces" ? TRACE_RESPONSE : METRICS_RESPONSE;
  return t.toObject(t.decode(bytes), { longs: Number, defaults: false });
}

export function encodeStatus(code: number, message: string): Uint8Array {
  return STATUS.encode(STATUS.fromObject({ code, message })).finish();
}

export function decodeStatus(bytes: Uint8Array): { code?: number; message?: string } {
  return STATUS.toObject(STATUS.decode(bytes)) as { code?: number; message?: string };
}
