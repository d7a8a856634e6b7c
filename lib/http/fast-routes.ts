import "server-only";
import type http from "node:http";
import { addRequestHook } from "./request-hooks";
import { errorAnswer, type JsonAnswer } from "./responses";

/**
 * Routes answered by the server process before Next.js sees the request.
 *
 * The gateway budget check is asked on every LLM call a gateway makes and must answer in a few
 * milliseconds. Through Next.js a route handler costs about 3 ms of CPU per request before it runs
 * (routing, request wrapping, async context), which alone put its p99 past 5 ms on two cores. A
 * fast route is a handler that takes the URL and headers and returns a JSON answer as plain data
 * (no web Request or Response: their streams and wrappers were most of what the check allocated,
 * and the garbage collector's pauses were its tail). The app/api route file for the same path stays,
 * so a request the fast route declines (it returns null: another method, a session instead of an
 * API key) is served by Next.js as before.
 *
 * Installed once per process from instrumentation, as a request hook (request-hooks.ts).
 */
export type FastRoute = (url: URL, req: http.IncomingMessage) => Promise<JsonAnswer> | null;

/** The headers next.config.js gives every /api response; fast routes answer with the same. */
export const API_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

type Registry = { routes: Map<string, FastRoute>; installed: boolean };
const g = globalThis as typeof globalThis & { __finopsFastRoutes?: Registry };
const registry = (g.__finopsFastRoutes ??= { routes: new Map(), installed: false });

export function registerFastRoute(pathname: string, route: FastRoute): void {
  registry.routes.set(pathname, route);
  install();
}

function install(): void {
  if (registry.installed) return;
  registry.installed = true;
  addRequestHook((req, res) => {
    const answer = dispatch(req);
    if (!answer) return false;
    void send(answer, res);
    return true;
  });
}

function dispatch(req: http.IncomingMessage): Promise<JsonAnswer> | null {
  const raw = req.url ?? "";
  const q = raw.indexOf("?");
  const route = registry.routes.get(q < 0 ? raw : raw.slice(0, q));
  if (!route) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://localhost");
  } catch {
    return null; // Next.js answers what it cannot parse
  }
  return route(url, req);
}

async function send(answer: Promise<JsonAnswer>, res: http.ServerResponse): Promise<void> {
  let a: JsonAnswer;
  try {
    a = await answer;
  } catch (err) {
    a = errorAnswer("fast-route", err); // logged; a 500 without internals
  }
  const body = JSON.stringify(a.body);
  const headers: Record<string, string> = { ...API_SECURITY_HEADERS, "content-type": "application/json", ...a.headers };
  headers["content-length"] = String(Buffer.byteLength(body));
  if (!res.writableEnded) res.writeHead(a.status, headers).end(body);
}
