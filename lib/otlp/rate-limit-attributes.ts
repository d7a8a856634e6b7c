import { num, text, type Attributes } from "./otlp-values";

/**
 * Provider health from a GenAI span's attributes (issue 12 item 8): the HTTP status, time to first
 * token and the rate-limit headers the provider answered with. Instrumentations record response
 * headers as `http.response.header.<lowercase name>` (a string array, per the HTTP semantic
 * conventions). OpenAI sends `x-ratelimit-*` with resets as durations ("6m0s", "20ms"); Anthropic
 * sends `anthropic-ratelimit-*` with resets as RFC 3339 times.
 */
export type RateLimit = {
  requests_limit?: number;
  requests_remaining?: number;
  tokens_limit?: number;
  tokens_remaining?: number;
  requests_reset_s?: number;
  tokens_reset_s?: number;
};

export type HealthFields = { http_status?: number; ttft_ms?: number; rate_limit?: RateLimit };

const H = "http.response.header.";

/** Header names per field, first present wins. Anthropic's plain `tokens-*` is the tightest of its token limits. */
const COUNT_HEADERS: Record<"requests_limit" | "requests_remaining" | "tokens_limit" | "tokens_remaining", string[]> = {
  requests_limit: ["x-ratelimit-limit-requests", "anthropic-ratelimit-requests-limit"],
  requests_remaining: ["x-ratelimit-remaining-requests", "anthropic-ratelimit-requests-remaining"],
  tokens_limit: ["x-ratelimit-limit-tokens", "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-input-tokens-limit"],
  tokens_remaining: ["x-ratelimit-remaining-tokens", "anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-input-tokens-remaining"],
};
const RESET_HEADERS: Record<"requests_reset_s" | "tokens_reset_s", string[]> = {
  requests_reset_s: ["x-ratelimit-reset-requests", "anthropic-ratelimit-requests-reset"],
  tokens_reset_s: ["x-ratelimit-reset-tokens", "anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-input-tokens-reset"],
};

// The attribute names in full, built once: this runs for every span.
const COUNT_ATTRIBUTES = (Object.entries(COUNT_HEADERS) as [keyof typeof COUNT_HEADERS, string[]][]).map(([f, names]) => [f, names.map((n) => H + n)] as const);
const RESET_ATTRIBUTES = (Object.entries(RESET_HEADERS) as [keyof typeof RESET_HEADERS, string[]][]).map(([f, names]) => [f, names.map((n) => H + n)] as const);

/** error.type values that mean the provider refused the call for its rate limit. */
const RATE_LIMITED = new Set(["429", "rate_limit_exceeded", "ratelimiterror", "rate_limit_error", "too_many_requests", "ratelimitexceeded"]);

/** OpenAI's reset durations: "1s", "6m0s", "20ms", "1h2m3.5s". */
export function parseDurationSeconds(s: string): number | null {
  const t = s.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s))+$/.test(t)) return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    const v = Number(m[1]);
    total += m[2] === "h" ? v * 3600 : m[2] === "m" ? v * 60 : m[2] === "s" ? v : v / 1000;
  }
  return total;
}

function resetSeconds(raw: string, nowMs: number): number | null {
  const d = parseDurationSeconds(raw);
  if (d !== null) return d;
  // An RFC 3339 reset time, relative to when the response arrived.
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    const at = Date.parse(raw);
    if (Number.isFinite(at)) return Math.max(0, Math.round((at - nowMs) / 10) / 100);
  }
  return null;
}

function wholeCount(a: Attributes, key: string): number | undefined {
  const n = num(a, key);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `responseAtMs` (the span's end) is the moment an RFC 3339 reset time is measured from. */
export function healthFields(a: Attributes, responseAtMs: number): HealthFields {
  const out: HealthFields = {};
  const status = wholeCount(a, "http.response.status_code");
  const errorType = text(a, "error.type").toLowerCase();
  if (status !== undefined && status >= 100 && status <= 599) out.http_status = status;
  else if (RATE_LIMITED.has(errorType)) out.http_status = 429;
  else if (/^[45]\d\d$/.test(errorType)) out.http_status = Number(errorType);

  // Both are recorded in seconds, like the gen_ai.server.time_to_first_token metric.
  const ttft = num(a, "gen_ai.server.time_to_first_token") ?? num(a, "gen_ai.response.time_to_first_chunk");
  if (ttft !== null && ttft >= 0 && ttft < 86_400) out.ttft_ms = Math.round(ttft * 1000);

  const rl: RateLimit = {};
  for (const [field, names] of COUNT_ATTRIBUTES) {
    for (const n of names) {
      const v = a.has(n) ? wholeCount(a, n) : undefined;
      if (v !== undefined) {
        rl[field] = v;
        break;
      }
    }
  }
  for (const [field, names] of RESET_ATTRIBUTES) {
    for (const n of names) {
      const raw = a.has(n) ? text(a, n) : "";
      const v = raw ? resetSeconds(raw, responseAtMs) : null;
      if (v !== null) {
        rl[field] = v;
        break;
      }
    }
  }
  if (Object.keys(rl).length) out.rate_limit = rl;
  return out;
}
