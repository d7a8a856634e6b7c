/** The override form's schema: model patterns are bounded in length and wildcards, with messages a person can act on. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { overrideInputSchema } from "./overrides";

const form = (modelPattern: string) => ({ provider: "openai", modelPattern, effectiveFrom: "2026-11-01", inputPerMtok: "1" });
const issues = (modelPattern: string) => {
  const r = overrideInputSchema.safeParse(form(modelPattern));
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

test("up to 4 wildcards are accepted; more are refused with the count", () => {
  for (const ok of ["gpt-4o", "gpt-4o*", "*sonnet*", "claude-*-4*", "*a*b*c*"]) assert.deepEqual(issues(ok), [], ok);
  assert.deepEqual(issues("*a*a*a*a*b"), ["modelPattern: at most 4 * wildcards, got 5"]);
});

test("a pattern may be as long as the longest model name (256), not longer", () => {
  assert.deepEqual(issues("m".repeat(256)), [], "the longest stored model name can be priced exactly (the form allowed only 200)");
  assert.deepEqual(issues("m".repeat(257)), ["modelPattern: at most 256 characters (the longest model name stored)"]);
});
