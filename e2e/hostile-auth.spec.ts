import { expect, request as playwrightRequest, test } from "@playwright/test";
import fc from "fast-check";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { DEMO_PASSWORD, apiSignIn, cli } from "./helpers";

/**
 * Reliability suite, sign-in and server actions: generated callback targets never leave the origin,
 * generated credentials never get a 5xx (only 2xx/3xx/401/429), and generated arguments to every
 * server action, sent by an admin who may run them all, never get a 5xx.
 */
// Thousands of requests: a trace recording each one costs minutes of CPU and shows nothing a failure message does not.
test.use({ trace: "off" });
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const port = Number(process.env.E2E_PORT ?? 3111);
const baseURL = `http://localhost:${port}`;
const root = path.resolve(import.meta.dirname, "..");

const attackPath = fc.oneof(
  fc.constantFrom(
    "/\\evil.example/",
    "/\t/evil.example/",
    "//evil.example/",
    "/\\/evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/\u3000/evil.example",
    "/\r\n/evil.example",
    " //evil.example",
    "/.//evil.example",
    `${baseURL}/prices`,
    "/prices?from=2026-01-01&feature=chat#x",
    "",
  ),
  fc.webUrl(),
  fc.array(fc.constantFrom("/", "\\", "\t", "%2f", "%5c", "%09", "evil.example", ".", ":", "@", "?", "#", "http", "s"), { maxLength: 8 }).map((parts) => parts.join("")),
);

function sameOrigin(location: string | undefined): boolean {
  if (!location) return true;
  return new URL(location, baseURL).origin === new URL(baseURL).origin;
}

test("sign-in never redirects a signed-in user to another origin, whatever the callback", async () => {
  test.setTimeout(5 * 60_000);
  const ctx = await playwrightRequest.newContext({ baseURL });
  expect((await apiSignIn(ctx, "viewer@demo.local", DEMO_PASSWORD)).status()).toBeLessThan(400);
  await fc.assert(
    fc.asyncProperty(attackPath, async (target) => {
      const res = await ctx.get(`/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(res.status(), target).toBeLessThan(500);
      expect(sameOrigin(res.headers().location), `${JSON.stringify(target)} -> ${res.headers().location}`).toBe(true);
    }),
    { seed: SEED, numRuns: 300, endOnFailure: true },
  );
  await ctx.dispose();
});

test("a successful sign-in's redirect stays on this origin, whatever the callback", async () => {
  test.setTimeout(5 * 60_000);
  await fc.assert(
    fc.asyncProperty(attackPath, async (target) => {
      const ctx = await playwrightRequest.newContext({ baseURL });
      const { csrfToken } = await (await ctx.get("/api/auth/csrf")).json();
      const res = await ctx.post("/api/auth/callback/credentials", {
        form: { email: "viewer@demo.local", password: DEMO_PASSWORD, csrfToken, json: "true", callbackUrl: target },
        maxRedirects: 0,
      });
      expect(res.status(), target).toBeLessThan(500);
      const body = await res.text();
      const url = res.headers()["content-type"]?.includes("json") ? (JSON.parse(body) as { url?: string }).url : undefined;
      expect(sameOrigin(url ?? res.headers().location), `${JSON.stringify(target)} -> ${url ?? res.headers().location}`).toBe(true);
      await ctx.dispose();
    }),
    { seed: SEED, numRuns: 60, endOnFailure: true },
  );
});

/** A plain HTTP POST from a chosen loopback source address, so this test's failures count against its own addresses. */
function postFrom(localAddress: string, pathname: string, body: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method: "POST", localAddress, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const credentialValue = fc.oneof(
  // Never a demo account's address: ten failures would lock it for the rest of the suite.
  fc.constantFrom("", "fuzz-known@demo.local", "FUZZ-KNOWN@demo.local ", "nobody@demo.local", "a".repeat(10_000), "\u0000", "\ud800", "' OR 1=1 --", "fuzz-known@demo.local\u0000x"),
  fc.emailAddress(),
  fc.string({ maxLength: 600 }),
);

test("generated credentials get 2xx/3xx, 401 or 429 (with Retry-After), never 5xx", async () => {
  test.setTimeout(5 * 60_000);
  await cli("users", "create", "--email", "fuzz-known@demo.local", "--role", "viewer", "--password", "fuzz-password-1");
  // next-auth checks the form's token against its cookie: without both every attempt stops there.
  const csrfRes = await fetch(`${baseURL}/api/auth/csrf`);
  const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const csrf = (await csrfRes.json()) as { csrfToken: string };
  let i = 0;
  await fc.assert(
    fc.asyncProperty(credentialValue, credentialValue, fc.boolean(), async (email, password, withCsrf) => {
      const address = `127.0.0.${20 + Math.floor(i++ / 40)}`;
      const form = new URLSearchParams({ email, password, json: "true", ...(withCsrf ? { csrfToken: csrf.csrfToken } : {}) });
      const res = await postFrom(address, "/api/auth/callback/credentials", form.toString(), { "content-type": "application/x-www-form-urlencoded", cookie });
      expect(res.status, `${JSON.stringify(email).slice(0, 60)} -> ${res.status} ${res.body.slice(0, 200)}`).toBeLessThan(500);
      if (res.status === 429) expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
    }),
    { seed: SEED, numRuns: 200, endOnFailure: true },
  );
});

const fieldValue = fc.oneof(
  fc.constantFrom("", "x", "0", "-1", "1e999", "2026-13-01", "1960-01-01", "2026-11-01", "admin", "ingest", "read", "on", "*a*a*a*a*b", "\u0000", "\ud800", "x".repeat(5000)),
  fc.string({ maxLength: 40 }),
);
const FIELDS = ["id", "name", "email", "role", "disabled", "scopes", "provider", "modelPattern", "effectiveFrom", "inputPerMtok", "outputPerMtok", "from", "to", "recost", "token", "password", "confirm", "requestsPerMinute", "eventsPerDay"];

test("generated arguments to every server action never get a 5xx", async () => {
  test.setTimeout(10 * 60_000);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  const targets = Object.entries(manifest.node).flatMap(([id, a]) => {
    const worker = Object.keys(a.workers).find((w) => w.endsWith("/page"));
    if (!worker) return [];
    const page = "/" + worker.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s)).join("/").replace(/\[\w+\]/g, "not-a-real-token");
    return [{ id, page, name: `${a.filename}#${a.exportedName}` }];
  });
  expect(targets.length).toBeGreaterThan(5);
  // An admin may run every signed-in action; a finance user only the price ones and is refused the
  // rest: both paths get hostile input.
  const users = [];
  for (const role of ["admin", "finance"]) {
    const ctx = await playwrightRequest.newContext({ baseURL });
    expect((await apiSignIn(ctx, `${role}@demo.local`, DEMO_PASSWORD)).status()).toBeLessThan(400);
    users.push({ role, ctx });
  }
  const call = fc.record({
    user: fc.constantFrom(...users),
    target: fc.constantFrom(...targets),
    fields: fc.array(fc.tuple(fc.constantFrom(...FIELDS), fieldValue), { maxLength: 8 }),
    // How React encodes (prevState, formData) and (formData) calls, and argument lists no page sends.
    args: fc.constantFrom('["$undefined","$K1"]', '["$K1"]', '["$undefined","$K1"]', "[]", "[null,null]", '[{"ok":false,"message":""},"$K1"]', '["x",1,true]'),
  });
  await fc.assert(
    fc.asyncProperty(call, async ({ user, target, fields, args }) => {
      // The form's fields come first, prefixed with their reference ("_1_"), then the argument list.
      const form = new FormData();
      for (const [k, v] of fields) form.append(`_1_${k}`, v);
      form.append("0", args);
      const res = await user.ctx.post(target.page, { headers: { "next-action": target.id }, multipart: form, maxRedirects: 0 });
      expect(res.status(), `${user.role}: ${target.name} ${args} ${JSON.stringify(fields).slice(0, 200)}`).toBeLessThan(500);
    }),
    { seed: SEED, numRuns: 400, endOnFailure: true },
  );
  for (const u of users) await u.ctx.dispose();
});
