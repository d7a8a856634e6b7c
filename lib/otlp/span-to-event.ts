import { mapDimensions, type AttributeMapping } from "./attribute-mapping";
import { attributes, hexId, int64, isObj, nanosToMs, num, text, type Attributes } from "./otlp-values";
import { healthFields } from "./rate-limit-attributes";

/**
 * One span of either encoding to a raw ledger event (the shape POST /api/v1/events takes), so the
 * ledger's own validation, pricing and exactly-once apply. Reads the GenAI semantic conventions,
 * old and new attribute names (data-sources.md rule 4).
 */
export type SpanOutcome =
  | { kind: "ignored" }
  | { kind: "event"; event: Record<string, unknown> }
  | { kind: "rejected"; id: string; errors: string[] };

/** gen_ai.provider.name (and the old gen_ai.system) values to the ledger's provider ids, which the price catalog knows. */
export const PROVIDER_IDS: Record<string, string> = {
  "azure.ai.openai": "azure",
  "az.ai.openai": "azure",
  "azure.ai.inference": "azure",
  "az.ai.inference": "azure",
  "aws.bedrock": "aws",
  "gcp.vertex_ai": "google",
  "gcp.gemini": "google",
  "gcp.gen_ai": "google",
  vertex_ai: "google",
  gemini: "google",
  mistral_ai: "mistral",
  x_ai: "x-ai",
  "ibm.watsonx.ai": "ibm",
};

/**
 * Operations whose usage, when instrumentations record it, is the sum of the model calls beneath
 * them (those calls are spans of their own): counting both would double the spend.
 */
const AGGREGATE_OPERATIONS = new Set(["invoke_agent", "create_agent", "execute_tool", "invoke_workflow", "retrieval"]);
const MODEL_CALL_OPERATIONS = new Set(["chat", "text_completion", "generate_content", "embeddings"]);

/** Token attributes: the current name first, then the older or vendor spellings still in use. */
const TOKENS = {
  input_tokens: ["gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens"],
  output_tokens: ["gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens"],
  cache_read_tokens: ["gen_ai.usage.cache_read.input_tokens", "gen_ai.usage.cache_read_input_tokens"],
  cache_write_tokens: ["gen_ai.usage.cache_creation.input_tokens", "gen_ai.usage.cache_creation_input_tokens"],
  reasoning_tokens: ["gen_ai.usage.reasoning.output_tokens", "gen_ai.usage.reasoning_tokens"],
} as const;

const TOKEN_ENTRIES = Object.entries(TOKENS);

/** The ledger's messages name its own usage fields; an OTLP sender needs the attribute names. */
export const USAGE_FIELD_ATTRIBUTE: [string, string][] = Object.entries(TOKENS).map(([f, names]) => [`usage.${f}`, names[0]]);

const STATUS_CODE_ERROR = 2;

export function spanToEvent(span: unknown, resource: Attributes, mapping: AttributeMapping): SpanOutcome {
  if (!isObj(span)) return { kind: "ignored" };
  const a = attributes(span.attributes);
  const operation = text(a, "gen_ai.operation.name");
  const providerRaw = (text(a, "gen_ai.provider.name") || text(a, "gen_ai.system")).trim().toLowerCase();
  const present = TOKEN_ENTRIES.some(([, names]) => names.some((n) => a.has(n)));
  if (!operation && !providerRaw && !present) return { kind: "ignored" };
  if (AGGREGATE_OPERATIONS.has(operation)) return { kind: "ignored" };

  const statusCode = isObj(span.status) ? int64(span.status.code) : null;
  const isError = statusCode === STATUS_CODE_ERROR || text(a, "error.type") !== "";
  const model = text(a, "gen_ai.response.model") || text(a, "gen_ai.request.model");
  // A failed call often carries no usage; it still counts for error rates and 429s, at no cost.
  const modelCall = MODEL_CALL_OPERATIONS.has(operation) || (!operation && providerRaw !== "" && model !== "");
  if (!present && !(modelCall && isError) && !MODEL_CALL_OPERATIONS.has(operation)) return { kind: "ignored" };

  const traceId = hexId(span.traceId, 16);
  const spanId = hexId(span.spanId, 8);
  const id = `${traceId ?? "?"}:${spanId ?? "?"}`;
  const errors: string[] = [];
  if (!traceId) errors.push("traceId: expected 16 bytes (32 hex digits), not all zero");
  if (!spanId) errors.push("spanId: expected 8 bytes (16 hex digits), not all zero");
  const startMs = nanosToMs(span.startTimeUnixNano);
  const endMs = nanosToMs(span.endTimeUnixNano);
  if (!startMs) errors.push("startTimeUnixNano: expected the span's start in nanoseconds since the epoch");
  if (!providerRaw) errors.push("gen_ai.provider.name (or the older gen_ai.system): expected the provider, e.g. openai");
  if (!model) errors.push("gen_ai.response.model or gen_ai.request.model: expected the model name");

  const usage: Record<string, number> = {};
  for (const [field, names] of TOKEN_ENTRIES) {
    const name = names.find((n) => a.has(n));
    if (!name) continue;
    const v = num(a, name);
    if (v === null || !Number.isInteger(v) || v < 0) errors.push(`${name}: expected a non-negative integer token count, got ${JSON.stringify(a.get(name))}`);
    else usage[field] = v;
  }
  if (!present && !isError) errors.push("gen_ai.usage.input_tokens / gen_ai.usage.output_tokens: a model call without token counts cannot be priced");
  if (errors.length) return { kind: "rejected", id, errors };
  if (!present) Object.assign(usage, { input_tokens: 0, output_tokens: 0 });

  const dims = mapDimensions(mapping, a, resource);
  // Assigned rather than spread into one literal: that form took V8's slow path, once per span.
  const event: Record<string, unknown> = { id, timestamp: new Date(startMs!).toISOString(), provider: PROVIDER_IDS[providerRaw] ?? providerRaw, model };
  Object.assign(event, dims);
  // OTel counts cached tokens inside input_tokens, as the ledger's "normalized" format does.
  event.usage = usage;
  event.usage_format = "normalized";
  event.status = isError ? "error" : "ok";
  event.tags = operation ? { operation } : {};
  Object.assign(event, healthFields(a, endMs ?? startMs!));
  if (endMs !== null && endMs >= startMs!) event.latency_ms = Math.round(endMs - startMs!);
  return { kind: "event", event };
}
