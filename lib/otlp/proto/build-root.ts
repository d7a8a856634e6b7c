import path from "node:path";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";

/** The .proto files the product decodes and encodes; everything else in OTLP (logs, profiles) is not read. */
const ENTRY_FILES = [
  "opentelemetry/proto/collector/trace/v1/trace_service.proto",
  "opentelemetry/proto/collector/metrics/v1/metrics_service.proto",
  "google/rpc/status.proto",
];

/** Parses the official .proto text (used to generate and to check descriptor.ts, never at run time). */
export function rootFromProtoFiles(): protobuf.Root {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const root = new protobuf.Root();
  // Imports are written relative to the proto root ("opentelemetry/proto/common/v1/common.proto").
  root.resolvePath = (_origin, target) =>
    target.startsWith("google/protobuf/") || path.isAbsolute(target) ? target : path.join(dir, target);
  root.loadSync(ENTRY_FILES.map((f) => path.join(dir, f)), { keepCase: false });
  root.resolveAll();
  return root;
}
