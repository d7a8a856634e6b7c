import { test } from "node:test";
import assert from "node:assert/strict";
import { configFromForm, parseScopeText } from "./form-fields";

test("scope text: dimension=value pairs, blank = any; a pair without '=' is named", () => {
  assert.deepEqual(parseScopeText(""), { ok: true, scope: {} });
  assert.deepEqual(parseScopeText(" team=support , feature = search "), { ok: true, scope: { team: "support", feature: "search" } });
  const bad = parseScopeText("team");
  assert.ok(!bad.ok && bad.error.includes('got "team"'));
});

test("email fields become the API's config (port as a number, recipients as a list)", () => {
  const f: Record<string, string> = { host: "smtp.local", port: "2525", secure: "", user: "", password: "p", from: "a@b.c", to: "x@y.z, w@y.z" };
  assert.deepEqual(configFromForm("email", (n) => f[n] ?? ""), { host: "smtp.local", port: 2525, secure: false, password: "p", from: "a@b.c", to: ["x@y.z", "w@y.z"] });
});
