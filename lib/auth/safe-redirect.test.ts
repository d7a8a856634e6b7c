import { test } from "node:test";
import assert from "node:assert/strict";
import { safeCallbackPath } from "./safe-redirect";

test("paths on this site are kept with their query and fragment", () => {
  assert.equal(safeCallbackPath("/"), "/");
  assert.equal(safeCallbackPath("/prices"), "/prices");
  assert.equal(safeCallbackPath("/?from=2026-11-01&to=2026-11-30&customer=acme"), "/?from=2026-11-01&to=2026-11-30&customer=acme");
  assert.equal(safeCallbackPath("/settings/users#invite"), "/settings/users#invite");
});

test("anything a browser would resolve to another host becomes /", () => {
  for (const raw of [
    "/\\evil.example/",
    "/\t/evil.example/",
    "/\n/evil.example",
    "//evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "http://localhost:3000/",
    "javascript:alert(1)",
    "data:text/html,hi",
    " //evil.example",
  ]) {
    const out = safeCallbackPath(raw);
    assert.equal(new URL(out, "https://app.example").origin, "https://app.example", `${JSON.stringify(raw)} -> ${out}`);
    assert.ok(!out.startsWith("//") && !out.startsWith("/\\"), `${JSON.stringify(raw)} -> ${out}`);
  }
});

test("a path that normalizes to a leading // is collapsed rather than left protocol-relative", () => {
  const out = safeCallbackPath("/.//evil.example/x");
  assert.equal(out, "/evil.example/x");
});

test("non-strings and absurd lengths fall back", () => {
  assert.equal(safeCallbackPath(undefined), "/");
  assert.equal(safeCallbackPath(["/a", "/b"]), "/");
  assert.equal(safeCallbackPath("/" + "a".repeat(5000)), "/");
});
