import "server-only";
import type { SendOutcome } from "../types";

/** Longest a receiver may take before the attempt counts as a timeout (retried). */
export const SEND_TIMEOUT_MS = Number(process.env.DELIVERY_TIMEOUT_MS) > 0 ? Number(process.env.DELIVERY_TIMEOUT_MS) : 15_000;
/** A Retry-After further out than this is capped: a channel must not go quiet for a day on one answer. */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Parses Retry-After: delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds from
 * `now`, or undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Math.min(Number(v) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}

/**
 * What an HTTP answer means for delivery. 2xx: delivered. 408, 429 and 5xx: temporary, retry
 * (Slack, PagerDuty and Standard Webhooks all say so). Any other status: the receiver refused this
 * request and will refuse it again, so retrying only adds noise; give up with the reason in words.
 */
export function classifyHttp(status: number, retryAfter: string | null, bodyText: string, what: string): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true, status };
  const snippet = bodyText.replace(/\s+/g, " ").trim().slice(0, 200);
  const detail = snippet ? ` (${snippet})` : "";
  if (status === 408 || status === 429 || status >= 500) {
    const reason = status === 429 ? "rate limited" : status === 408 ? "request timeout" : "server error";
    return { ok: false, retry: true, status, error: `${what} answered ${status}, ${reason}${detail}; will retry`, retryAfterMs: parseRetryAfter(retryAfter) };
  }
  const reason =
    status === 410 ? "the endpoint is gone (disable or fix the channel)"
    : status === 401 || status === 403 ? "the receiver refused our credentials"
    : status === 404 ? "the URL was not found"
    : status >= 300 && status < 400 ? "a redirect, which is not followed"
    : "the receiver refused the request";
  return { ok: false, retry: false, status, error: `${what} answered ${status}: ${reason}${detail}; not retried` };
}

/**
 * POSTs a JSON body. Network failures (refused, reset, DNS, timeout) are temporary. Errors never
 * carry the URL: for Slack the URL itself is the secret.
 */
export async function postJson(url: string, body: string, headers: Record<string, string>, what: string): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "llm-finops-alerts/1", ...headers },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    // fetch refuses some ports outright (the "bad ports" of the Fetch standard); no retry can help
    if ((err as { cause?: { message?: string } })?.cause?.message === "bad port") {
      return { ok: false, retry: false, status: null, error: `${what} URL uses a port that HTTP clients refuse (a "bad port" of the Fetch standard); not retried` };
    }
    return { ok: false, retry: true, status: null, error: `${what} could not be reached: ${networkReason(err)}; will retry` };
  }
  const text = await res.text().catch(() => "");
  return classifyHttp(res.status, res.headers.get("retry-after"), text, what);
}

function networkReason(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${Math.round(SEND_TIMEOUT_MS / 1000)} s`;
  const code = e?.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host name not found";
  if (code) return `network error ${code}`;
  return "network error";
}
