import "server-only";
/**
 * GET with an optional bearer token and a deadline, failures turned into CollectorErrors a person can
 * act on. The token is never part of a message.
 */
import { CollectorError } from "@/lib/source-contract/collector";

export async function getText(url: string, opts: { bearerToken?: string; signal: AbortSignal; timeoutMs: number; what: string; accept?: string }): Promise<{ status: number; text: string; retryAfter: string | null }> {
  const headers: Record<string, string> = { accept: opts.accept ?? "text/plain;version=0.0.4, */*;q=0.1" };
  if (opts.bearerToken) headers.authorization = `Bearer ${opts.bearerToken}`;
  let res: Response;
  const signal = AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)]);
  try {
    try {
      res = await fetch(url, { headers, signal, redirect: "follow" });
    } catch (err) {
      // A kept-alive connection the server closed while idle (uvicorn, which vLLM uses, closes after
      // 5 s; we come back every 15 s) fails the first request on it: once more on a fresh socket.
      if (!isStaleSocket(err)) throw err;
      res = await fetch(url, { headers, signal, redirect: "follow" });
    }
  } catch (err) {
    const timeout = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    throw new CollectorError(
      timeout
        ? `${opts.what} at ${safeUrl(url)} did not answer within ${Math.round(opts.timeoutMs / 1000)} s; check that it is up and reachable from this server.`
        : `Could not reach ${opts.what} at ${safeUrl(url)} (${(err as Error & { cause?: { code?: string } }).cause?.code ?? (err as Error).message}); check the URL and that the server is up.`,
      "unavailable",
    );
  }
  const text = await res.text().catch(() => "");
  if (res.status === 401 || res.status === 403) {
    throw new CollectorError(`${opts.what} at ${safeUrl(url)} refused the request (${res.status}): set or correct the bearer token in this source's config.`, "auth");
  }
  if (res.status === 429) {
    const ra = Number(res.headers.get("retry-after"));
    throw new CollectorError(`${opts.what} at ${safeUrl(url)} is rate limiting us (429); will retry.`, "rate_limited", Number.isFinite(ra) && ra > 0 ? ra * 1000 : undefined);
  }
  return { status: res.status, text, retryAfter: res.headers.get("retry-after") };
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

function isStaleSocket(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code === "UND_ERR_SOCKET" || code === "ECONNRESET" || code === "EPIPE";
}
