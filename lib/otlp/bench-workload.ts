import { encodeRequest } from "./codec";

/**
 * The benchmark's OTLP load: the same calls as lib/bench/workload.ts (providers, models, usage mix,
 * seven dimensions) as GenAI spans, pre-encoded into ExportTraceServiceRequest protobuf bodies so
 * the load generator spends no CPU while the server is measured.
 */
const FEATURES = ["chat", "summarize", "search", "triage", "extract", "translate", "classify", "draft", "agent"];
const TEAMS = ["growth", "core", "support", "platform"];
const DAY_MS = 86_400_000;

const s = (key: string, stringValue: string) => ({ key, value: { stringValue } });
const n = (key: string, v: number) => ({ key, value: { intValue: v } });

function span(run: number, i: number, endMs: number) {
  const start = endMs - ((i * 7919) % (30 * DAY_MS / 1000)) * 1000;
  const input = 500 + (i % 1500);
  const model = i % 3 === 0 ? ["anthropic", "claude-sonnet-4-20250514"] : i % 3 === 1 ? ["openai", "gpt-4o-mini"] : ["openai", "gpt-4o"];
  const id = Buffer.alloc(16);
  id.writeUInt32BE(run, 0);
  id.writeUInt32BE(i, 12);
  const spanId = Buffer.alloc(8);
  spanId.writeUInt32BE(run + 1, 0);
  spanId.writeUInt32BE(i, 4);
  const f = FEATURES[i % FEATURES.length];
  return {
    traceId: id,
    spanId,
    name: `chat ${model[1]}`,
    kind: 3,
    startTimeUnixNano: String(BigInt(start) * 1_000_000n),
    endTimeUnixNano: String(BigInt(start + 300 + (i % 900)) * 1_000_000n),
    attributes: [
      s("gen_ai.operation.name", "chat"),
      s("gen_ai.provider.name", model[0]),
      s("gen_ai.request.model", model[1]),
      s("gen_ai.response.model", model[1]),
      n("gen_ai.usage.input_tokens", input + (i % 2 ? 3000 : 0)),
      n("gen_ai.usage.cache_read.input_tokens", i % 2 ? 3000 : 0),
      n("gen_ai.usage.output_tokens", 200 + (i % 300)),
      s("app.feature", f),
      s("app.team", TEAMS[i % 4]),
      s("user.id", `u-${(i * 31) % 5000}`),
      s("app.customer", `cust-${(i * 17) % 200}`),
    ],
  };
}

/** One protobuf request of `size` spans; `run` keeps ids distinct between runs on the same store. */
export function otlpRequest(run: number, start: number, size: number, endMs: number): Uint8Array {
  const spans = Array.from({ length: size }, (_, k) => span(run, start + k, endMs));
  return encodeRequest("traces", {
    resourceSpans: [{ resource: { attributes: [s("service.name", "bench"), s("deployment.environment.name", "prod")] }, scopeSpans: [{ scope: { name: "bench" }, spans }] }],
  });
}
