/** Fast routes over real HTTP: answered before the server's own listener, or passed to it untouched. */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { registerFastRoute } from "./fast-routes";

let server: http.Server;
let base = "";
const seen: string[] = [];

before(async () => {
  registerFastRoute("/fast", (url, req) => {
    if (req.method !== "GET") return null; // declined: the listener answers
    if (url.searchParams.has("throw")) return Promise.reject(new Error("boom"));
    return Promise.resolve({ status: 200, body: { q: url.searchParams.get("q") }, headers: { "cache-control": "no-store" } });
  });
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "text/plain" }).end("listener");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server?.close());

test("a registered path is answered by its route, with the API's security headers and a length", async () => {
  const res = await fetch(`${base}/fast?q=%C3%A9t%C3%A9`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { q: "été" });
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.equal(res.headers.get("x-frame-options"), "DENY");
  assert.equal(res.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.equal(res.headers.get("content-length"), String(Buffer.byteLength('{"q":"été"}')));
  assert.deepEqual(seen, []);
});

test("a declined request, another path or a longer path reaches the listener untouched", async () => {
  assert.equal(await (await fetch(`${base}/fast`, { method: "POST", body: "x" })).text(), "listener");
  assert.equal(await (await fetch(`${base}/fast/more?q=1`)).text(), "listener");
  assert.equal(await (await fetch(`${base}/other`)).text(), "listener");
  assert.deepEqual(seen, ["POST /fast", "GET /fast/more?q=1", "GET /other"]);
});

test("a route that fails answers 500 without internals, and the connection keeps serving", async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      http.get(`${base}${path}`, { agent }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      }).on("error", reject);
    });
  const failed = await get("/fast?throw=1");
  assert.equal(failed.status, 500);
  assert.doesNotMatch(failed.body, /boom/);
  assert.deepEqual(JSON.parse((await get("/fast?q=2")).body), { q: "2" });
  agent.destroy();
});
