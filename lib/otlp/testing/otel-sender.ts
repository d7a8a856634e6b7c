/**
 * Sends spans and metrics to an OTLP endpoint through the real OpenTelemetry JS SDK and exporters
 * (tests only): spans are recorded by a tracer of the SDK, captured in memory, then exported by
 * @opentelemetry/exporter-trace-otlp-proto or -http, so the same span can be sent twice.
 */
import { SpanKind, SpanStatusCode, type Attributes } from "@opentelemetry/api";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPMetricExporter as ProtoMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { CompressionAlgorithm } from "@opentelemetry/otlp-exporter-base";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { AggregationTemporality, MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";

export type GenAiCall = { attributes: Attributes; startMs: number; durationMs: number; error?: boolean };

/** Records the given calls as CLIENT spans named "{operation} {model}", as GenAI instrumentations do. */
export async function recordSpans(resource: Attributes, calls: GenAiCall[], extra: { name: string; attributes: Attributes }[] = []): Promise<ReadableSpan[]> {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [new SimpleSpanProcessor(memory)] });
  const tracer = provider.getTracer("llm-finops-test", "1.0.0");
  for (const c of calls) {
    const span = tracer.startSpan(`${c.attributes["gen_ai.operation.name"] ?? "chat"} ${c.attributes["gen_ai.request.model"] ?? ""}`, { kind: SpanKind.CLIENT, attributes: c.attributes, startTime: c.startMs });
    if (c.error) span.setStatus({ code: SpanStatusCode.ERROR, message: "provider error" });
    span.end(c.startMs + c.durationMs);
  }
  for (const e of extra) tracer.startSpan(e.name, { attributes: e.attributes }).end();
  await provider.forceFlush();
  const spans = memory.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

export type Encoding = "protobuf" | "json";

/** Exports the spans once through the real exporter; resolves with the exporter's result code (0 = success) and error. */
export function exportSpans(endpoint: string, key: string, spans: ReadableSpan[], encoding: Encoding, gzip = false): Promise<{ code: number; error?: Error }> {
  const config = { url: `${endpoint}/v1/traces`, headers: { Authorization: `Bearer ${key}` }, compression: gzip ? CompressionAlgorithm.GZIP : CompressionAlgorithm.NONE, timeoutMillis: 30_000 };
  const exporter = encoding === "protobuf" ? new ProtoTraceExporter(config) : new JsonTraceExporter(config);
  return new Promise((resolve) => exporter.export(spans, (r) => resolve({ code: r.code, error: r.error })));
}

/**
 * Records histogram values on the GenAI metric instruments and exports them through the real
 * protobuf metrics exporter (cumulative temporality, the SDK's default), once per element of
 * `rounds`: every export re-sends the running totals, as a live service does.
 */
export async function exportGenAiMetrics(endpoint: string, key: string, resource: Attributes, rounds: { tokens: { value: number; attributes: Attributes }[] }[]): Promise<number[]> {
  const exporter = new ProtoMetricExporter({ url: `${endpoint}/v1/metrics`, headers: { Authorization: `Bearer ${key}` }, temporalityPreference: AggregationTemporality.CUMULATIVE });
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const codes: number[] = [];
  const wrapped = exporter.export.bind(exporter);
  exporter.export = (metrics, cb) => wrapped(metrics, (r) => (codes.push(r.code), cb(r)));
  const provider = new MeterProvider({ resource: resourceFromAttributes(resource), readers: [reader] });
  const meter = provider.getMeter("llm-finops-test");
  const usage = meter.createHistogram("gen_ai.client.token.usage", { unit: "{token}" });
  const other = meter.createHistogram("http.client.request.duration", { unit: "s" });
  for (const round of rounds) {
    for (const t of round.tokens) usage.record(t.value, t.attributes);
    other.record(0.2);
    await reader.forceFlush();
  }
  await provider.shutdown();
  return codes;
}
