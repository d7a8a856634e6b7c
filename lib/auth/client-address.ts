import "server-only";
import { addRequestHook } from "@/lib/http/request-hooks";
import { env } from "@/lib/config/env";

/**
 * The client address, for throttling sign-in per address. Next.js gives route handlers no socket;
 * it only fills X-Forwarded-For with the peer address when the client did not send one, so a client
 * could choose its own. The server process therefore stamps every incoming request with its TCP
 * peer address under a header of ours (overwriting any value a client sent), and that is what
 * counts unless TRUST_PROXY_HOPS says how many proxies in front of us append to X-Forwarded-For.
 */
export const PEER_HEADER = "x-llm-finops-peer";

const g = globalThis as typeof globalThis & { __finopsPeerStamp?: boolean };

/** Called once from instrumentation (the Next.js server process) before it serves. */
export function installPeerAddressStamp(): void {
  if (g.__finopsPeerStamp) return;
  addRequestHook((req) => {
    req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    return false;
  });
  g.__finopsPeerStamp = true;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

export function clientAddress(headers: HeaderSource, hops = env().TRUST_PROXY_HOPS): string {
  if (hops > 0) {
    const chain = (header(headers, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    // Each trusted proxy appends the address it saw; the outermost one's entry is the client.
    if (chain.length > 0) return chain[Math.max(0, chain.length - hops)];
  }
  // Without the stamp (e.g. a process that did not run instrumentation) a client-sent header of
  // ours must not be believed: every such request shares one address.
  return (g.__finopsPeerStamp && header(headers, PEER_HEADER)) || "unknown";
}
