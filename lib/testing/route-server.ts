import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Route handlers behind a real node:http server on 127.0.0.1, called as Next.js calls them: one web
 * Request per request (headers and body as sent), the path's `[id]` segment as params. For
 * integration tests of app/api handlers without building the app.
 */
export type RouteHandler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
export type RouteTable = (method: string, pathname: string) => { handler: RouteHandler; id?: string } | null;
export type RouteServer = { base: string; close(): void };

export async function serveRoutes(route: RouteTable): Promise<RouteServer> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const r = route(req.method ?? "GET", url.pathname);
    if (!r) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const answer = await r.handler(request, { params: Promise.resolve({ id: r.id ?? "" }) });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** A JSON call with an API key: the status, the parsed body (null when empty) and the headers. */
export function apiCaller(base: () => string) {
  return async (method: string, path: string, key: string, body?: unknown) => {
    const res = await fetch(base() + path, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the API answered
    return { status: res.status, json: (text ? JSON.parse(text) : null) as any, headers: res.headers };
  };
}
