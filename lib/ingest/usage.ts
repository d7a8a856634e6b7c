import { describeValue } from "./text";
import { DEFAULT_MAX_TOKENS_PER_BUCKET, type TokenBuckets } from "@/lib/domain/event";

/**
 * Reads a usage object with its provider's semantics (data-sources.md rule 1) into exclusive
 * buckets. OpenAI and the normalized form count cached tokens INSIDE input; Anthropic counts them
 * OUTSIDE. Getting this wrong is the classic double-count bug, so each shape is read explicitly.
 */
export type UsageFormat = "openai.chat" | "openai.responses" | "anthropic" | "normalized";
export const USAGE_FORMATS: UsageFormat[] = ["openai.chat", "openai.responses", "anthropic", "normalized"];

export type UsageResult = { ok: true; format: UsageFormat; tokens: TokenBuckets } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

class Reader {
  errors: string[] = [];
  constructor(private readonly maxTokens: number) {}
  /** A token count: absent or null reads as 0; anything else must be a non-negative integer. */
  count(o: Obj | undefined, key: string, path: string): number {
    const v = o?.[key];
    if (v === undefined || v === null) return 0;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
      this.errors.push(`usage.${path}: expected a non-negative integer token count, got ${describeValue(v)}`);
      return 0;
    }
    // One forged count could otherwise add any amount to every total (1e9 tokens added $226,253).
    if (v > this.maxTokens) {
      this.errors.push(
        `usage.${path}: expected at most ${this.maxTokens.toLocaleString("en-US")} tokens per event (the limit INGEST_MAX_TOKENS_PER_BUCKET), got ${v}`,
      );
      return 0;
    }
    return v;
  }
  child(o: Obj, key: string, path: string): Obj | undefined {
    const v = o[key];
    if (v === undefined || v === null) return undefined;
    if (!isObj(v)) {
      this.errors.push(`usage.${path}: expected an object, got ${describeValue(v)}`);
      return undefined;
    }
    return v;
  }
  atMost(part: number, partName: string, whole: number, wholeName: string) {
    if (part > whole) this.errors.push(`usage.${partName} (${part}) is larger than usage.${wholeName} (${whole}), which includes it`);
  }
}

export function detectUsageFormat(u: Obj, provider: string): UsageFormat {
  if ("prompt_tokens" in u || "completion_tokens" in u) return "openai.chat";
  if ("input_tokens_details" in u) return "openai.responses";
  const od = isObj(u.output_tokens_details) ? u.output_tokens_details : undefined;
  if (od && "reasoning_tokens" in od) return "openai.responses";
  if ("cache_creation_input_tokens" in u || "cache_read_input_tokens" in u || "cache_creation" in u) return "anthropic";
  if (od && "thinking_tokens" in od) return "anthropic";
  if ("cache_read_tokens" in u || "cache_write_tokens" in u || "reasoning_tokens" in u || "cache_write_1h_tokens" in u) return "normalized";
  // Only input/output counts: with no cache fields every reading gives the same buckets; follow the provider.
  return provider === "anthropic" ? "anthropic" : provider === "openai" ? "openai.responses" : "normalized";
}

/** `maxTokens` bounds every token count read (each bucket of one event). */
/** The top-level count fields of every shape above; a usage object must carry at least one. */
const TOKEN_FIELDS = [
  "input_tokens", "output_tokens", "prompt_tokens", "completion_tokens", "cache_read_input_tokens", "cache_creation_input_tokens",
  "cache_creation", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens", "reasoning_tokens",
];

export function normalizeUsage(usage: unknown, provider: string, format?: UsageFormat, maxTokens = DEFAULT_MAX_TOKENS_PER_BUCKET): UsageResult {
  if (!isObj(usage)) return { ok: false, errors: [`usage: expected an object of token counts, got ${describeValue(usage)}`] };
  // An object with none of them is a client bug, not a call that used no tokens (that one says 0):
  // storing it as a free request would skew cost per request without a trace.
  if (!TOKEN_FIELDS.some((k) => Object.hasOwn(usage, k))) {
    return { ok: false, errors: [`usage: no token counts found; expected at least one of input_tokens, output_tokens, prompt_tokens, completion_tokens (0 when none were used)`] };
  }
  const f = format ?? detectUsageFormat(usage, provider);
  const r = new Reader(maxTokens);
  let tokens: TokenBuckets;
  switch (f) {
    case "openai.chat":
      tokens = readOpenAI(r, usage, "prompt_tokens", "prompt_tokens_details", "completion_tokens", "completion_tokens_details");
      break;
    case "openai.responses":
      tokens = readOpenAI(r, usage, "input_tokens", "input_tokens_details", "output_tokens", "output_tokens_details");
      break;
    case "anthropic":
      tokens = readAnthropic(r, usage);
      break;
    case "normalized":
      tokens = readNormalized(r, usage);
      break;
  }
  if (r.errors.length) return { ok: false, errors: r.errors };
  return { ok: true, format: f, tokens };
}

function readOpenAI(r: Reader, u: Obj, inKey: string, inDetailsKey: string, outKey: string, outDetailsKey: string): TokenBuckets {
  const input = r.count(u, inKey, inKey);
  const inDetails = r.child(u, inDetailsKey, inDetailsKey);
  const cached = r.count(inDetails, "cached_tokens", `${inDetailsKey}.cached_tokens`);
  const written = r.count(inDetails, "cache_write_tokens", `${inDetailsKey}.cache_write_tokens`);
  const output = r.count(u, outKey, outKey);
  const reasoning = r.count(r.child(u, outDetailsKey, outDetailsKey), "reasoning_tokens", `${outDetailsKey}.reasoning_tokens`);
  r.atMost(cached + written, `${inDetailsKey}.cached_tokens + cache_write_tokens`, input, inKey);
  r.atMost(reasoning, `${outDetailsKey}.reasoning_tokens`, output, outKey);
  return {
    inputUncached: Math.max(0, input - cached - written),
    cacheRead: cached,
    cacheWrite5m: written,
    cacheWrite1h: 0,
    output,
    reasoning,
  };
}

function readAnthropic(r: Reader, u: Obj): TokenBuckets {
  const uncached = r.count(u, "input_tokens", "input_tokens");
  const read = r.count(u, "cache_read_input_tokens", "cache_read_input_tokens");
  const creation = r.child(u, "cache_creation", "cache_creation");
  const w5m = r.count(creation, "ephemeral_5m_input_tokens", "cache_creation.ephemeral_5m_input_tokens");
  const w1h = r.count(creation, "ephemeral_1h_input_tokens", "cache_creation.ephemeral_1h_input_tokens");
  const hasTotal = u.cache_creation_input_tokens !== undefined && u.cache_creation_input_tokens !== null;
  const writeTotal = hasTotal ? r.count(u, "cache_creation_input_tokens", "cache_creation_input_tokens") : w5m + w1h;
  if (creation) r.atMost(w5m + w1h, "cache_creation (5m + 1h)", writeTotal, "cache_creation_input_tokens");
  const output = r.count(u, "output_tokens", "output_tokens");
  const reasoning = r.count(r.child(u, "output_tokens_details", "output_tokens_details"), "thinking_tokens", "output_tokens_details.thinking_tokens");
  r.atMost(reasoning, "output_tokens_details.thinking_tokens", output, "output_tokens");
  // Without the TTL breakdown a cache write is the default 5-minute kind.
  const oneHour = Math.min(w1h, writeTotal);
  return { inputUncached: uncached, cacheRead: read, cacheWrite5m: writeTotal - oneHour, cacheWrite1h: oneHour, output, reasoning };
}

function readNormalized(r: Reader, u: Obj): TokenBuckets {
  const input = r.count(u, "input_tokens", "input_tokens");
  const read = r.count(u, "cache_read_tokens", "cache_read_tokens");
  const w5m = r.count(u, "cache_write_tokens", "cache_write_tokens");
  const w1h = r.count(u, "cache_write_1h_tokens", "cache_write_1h_tokens");
  const output = r.count(u, "output_tokens", "output_tokens");
  const reasoning = r.count(u, "reasoning_tokens", "reasoning_tokens");
  r.atMost(read + w5m + w1h, "cache_read_tokens + cache_write_tokens + cache_write_1h_tokens", input, "input_tokens");
  r.atMost(reasoning, "reasoning_tokens", output, "output_tokens");
  return { inputUncached: Math.max(0, input - read - w5m - w1h), cacheRead: read, cacheWrite5m: w5m, cacheWrite1h: w1h, output, reasoning };
}
