import "server-only";
import type { z } from "zod";
import { CollectorError } from "@/lib/source-contract/collector";

/**
 * GETs a provider admin endpoint, following its pagination, with the failures a person can act on:
 * 401/403 -> auth (the source stops), 429/5xx -> retried here honouring Retry-After a bounded number
 * of times, then rate_limited/unavailable with the wait the server asked for; a body that does not
 * match the wire schema -> bad_response naming the field. Messages never contain the credential.
 */
export type PullOptions = {
  /** "OpenAI" / "Anthropic", for messages */
  label: string;
  headers: Record<string, string>;
  /** what to do about a refused key, appended to the auth error */
  authHelp: string;
  signal: AbortSignal;
  log: (line: string) => void;
  /** retries of one request after 429/5xx (default 3) */
  maxRetries?: number;
  /** a longer Retry-After than this ends the run instead of waiting in it (default 30 s) */
  maxWaitMs?: number;
};

export type Page<T> = { data: T[]; has_more: boolean; next_page?: string | null };

const MAX_PAGES = 5_000;

/** Every bucket of every page of `url`, validated page by page with `schema`. */
export async function* pullPages<T>(url: URL, schema: z.ZodType<Page<T>>, opts: PullOptions): AsyncGenerator<T[]> {
  const seen = new Set<string>();
  for (let n = 0; n < MAX_PAGES; n++) {
    const page = parseBody(schema, await getJson(url, opts), opts.label, url.pathname);
    yield page.data;
    if (!page.has_more) return;
    if (!page.next_page) throw new CollectorError(`${opts.label} answered has_more without next_page on ${url.pathname}: the response was cut short; the next run retries.`, "bad_response");
    if (seen.has(page.next_page)) throw new CollectorError(`${opts.label} returned the same next_page twice on ${url.pathname}; stopped to avoid a loop.`, "bad_response");
    seen.add(page.next_page);
    url = new URL(url);
    url.searchParams.set("page", page.next_page);
  }
  throw new CollectorError(`${opts.label}: more than ${MAX_PAGES} pages on ${url.pathname}; narrow backfill_days.`, "bad_response");
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown, label: string, where: string): T {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "") || "(body)";
  throw new CollectorError(`${label} sent an unexpected response on ${where}: ${field}: ${issue.message}. The next run retries; if it persists the API changed.`, "bad_response");
}

async function getJson(url: URL, opts: PullOptions): Promise<unknown> {
  const maxRetries = opts.maxRetries ?? 3;
  const maxWaitMs = opts.maxWaitMs ?? 30_000;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { headers: opts.headers, signal: opts.signal });
    } catch (err) {
      if (opts.signal.aborted) throw err;
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
      throw new CollectorError(`Could not reach ${opts.label} at ${url.origin} (${cause}); check base_url or the network. Retrying later.`, "unavailable");
    }
    if (res.ok) {
      const text = await res.text();
      try {
        return JSON.parse(text);
      } catch {
        throw new CollectorError(`${opts.label} answered ${url.pathname} with a body that is not JSON; check base_url.`, "bad_response");
      }
    }
    const body = await res.text().catch(() => "");
    if (res.status === 401 || res.status === 403) {
      throw new CollectorError(`${opts.label} refused the admin key (${res.status}${errorCode(body)}): ${opts.authHelp}`, "auth");
    }
    if (res.status === 429 || res.status >= 500) {
      const kind = res.status === 429 ? "rate_limited" : "unavailable";
      const waitMs = retryAfterMs(res.headers.get("retry-after")) ?? Math.min(1000 * 2 ** attempt, maxWaitMs);
      if (attempt >= maxRetries || waitMs > maxWaitMs) {
        const what = res.status === 429 ? "is rate limiting this source" : `failed with ${res.status}`;
        throw new CollectorError(`${opts.label} ${what} on ${url.pathname}; retrying in ${Math.ceil(waitMs / 1000)} s.`, kind, waitMs);
      }
      opts.log(`${opts.label} ${res.status} on ${url.pathname}; retry ${attempt + 1}/${maxRetries} in ${waitMs} ms`);
      await sleep(waitMs, opts.signal);
      continue;
    }
    throw new CollectorError(
      `${opts.label} answered ${res.status}${errorCode(body)} on ${url.pathname}: check base_url (it must be the API root, e.g. the default) and the settings.`,
      "config",
    );
  }
}

/** The provider's error code or type (never its message: OpenAI echoes part of the key in it). */
function errorCode(body: string): string {
  try {
    const e = (JSON.parse(body) as { error?: { code?: unknown; type?: unknown } }).error;
    const code = typeof e?.code === "string" ? e.code : typeof e?.type === "string" ? e.type : "";
    return /^[\w.-]{1,64}$/.test(code) ? ` ${code}` : "";
  } catch {
    return "";
  }
}

/** Retry-After as seconds or an HTTP date, in ms; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
