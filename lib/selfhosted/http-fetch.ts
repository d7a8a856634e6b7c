import "server-only";
/**
 * GET with an optional bearer token and a deadline, failures turned into CollectorErrors a person can
 * act on. The token is never part of a message.
 *
 * node:http with a fresh connection per request rather than fetch's keep-alive pool: a scrape comes
 * back every 15 s while servers close idle connections sooner (uvicorn, which vLLM uses, after 5 s), and
 * with hundreds of targets the pool kept handing out sockets the server had just closed
 * (UND_ERR_SOCKET). One TCP handshake per scrape costs nothing next to parsing the answer.
 */
import http from "node:http";
import https from "node:https";
import { CollectorError } from "@/lib/source-contract/collector";

const MAX_BODY = 64 * 1024 * 1024;

type Answer = { status: number; text: string; retryAfter: string | null };

function get(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const mod = u.protocol === "https:" ? https : http;
    const req = mod.get(u, { headers, agent: false, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy(Object.assign(new Error("answer larger than 64 MB"), { code: "TOO_LARGE" }));
        else chunks.push(c);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8"), retryAfter: (res.headers["retry-after"] as string | undefined) ?? null }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

export async function getText(url: string, opts: { bearerToken?: string; signal: AbortSignal; timeoutMs: number; what: string; accept?: string }): Promise<Answer> {
  const headers: Record<string, string> = { accept: opts.accept ?? "text/plain;version=0.0.4, */*;q=0.1", "user-agent": "llm-finops-scraper" };
  if (opts.bearerToken) headers.authorization = `Bearer ${opts.bearerToken}`;
  let res: Answer;
  try {
    res = await get(url, headers, AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)]));
  } catch (err) {
    const e = err as Error & { code?: string };
    const timeout = e.name === "TimeoutError" || e.name === "AbortError" || e.code === "ABORT_ERR";
    throw new CollectorError(
      timeout
        ? `${opts.what} at ${safeUrl(url)} did not answer within ${Math.round(opts.timeoutMs / 1000)} s; check that it is up and reachable from this server.`
        : `Could not reach ${opts.what} at ${safeUrl(url)} (${e.code ?? e.message}); check the URL and that the server is up.`,
      e.code === "TOO_LARGE" ? "bad_response" : "unavailable",
    );
  }
  if (res.status === 401 || res.status === 403) {
    throw new CollectorError(`${opts.what} at ${safeUrl(url)} refused the request (${res.status}): set or correct the bearer token in this source's config.`, "auth");
  }
  if (res.status === 429) {
    const ra = Number(res.retryAfter);
    throw new CollectorError(`${opts.what} at ${safeUrl(url)} is rate limiting us (429); will retry.`, "rate_limited", Number.isFinite(ra) && ra > 0 ? ra * 1000 : undefined);
  }
  return res;
}

/** The URL without credentials or query, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
