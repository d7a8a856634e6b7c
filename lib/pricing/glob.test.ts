/** Override model patterns: the linear matcher agrees with the RegExp it replaced, and cannot be made slow. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compileGlob, globMatches } from "./glob";
import { seededRandom } from "@/lib/random/seeded";

/** The matcher before this change, kept here as the reference semantics. */
function oldRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(`^${escaped}$`, "i");
}

// Letters in both cases, regex metacharacters, and characters whose case folding is irregular
// (long s, Kelvin sign, sharp s, dotted/dotless i, titlecase dz, Greek sigmas, a surrogate pair).
// No line terminators: the old `.` did not match them, the new `*` does (see glob.ts).
const ALPHABET = ["a", "A", "b", "B", "-", ".", "+", "?", "(", ")", "[", "]", "^", "$", "|", "\\", "{", "}", "4", "ſ", "s", "S", "\u212a", "k", "K", "ß", "İ", "ı", "i", "I", "ǅ", "ǆ", "Ǆ", "σ", "ς", "Σ", "é", "É", "😀"];

test("the linear matcher agrees with the old RegExp on 100,000 generated pattern/name pairs", () => {
  const rand = seededRandom(20261201);
  const pick = () => ALPHABET[Math.floor(rand() * ALPHABET.length)];
  let matches = 0;
  for (let n = 0; n < 100_000; n++) {
    const patternLen = Math.floor(rand() * 7);
    let pattern = "";
    for (let i = 0; i < patternLen; i++) pattern += rand() < 0.3 ? "*" : pick();
    // Names built from the pattern's own characters (so matches are common), sometimes altered.
    let name = "";
    for (const ch of pattern.replaceAll("*", "")) {
      if (rand() < 0.35) for (let k = Math.floor(rand() * 3); k > 0; k--) name += pick();
      name += rand() < 0.15 ? pick() : rand() < 0.5 ? ch.toUpperCase() : ch;
    }
    if (rand() < 0.4) name += pick();
    const expected = oldRegExp(pattern).test(name);
    if (expected) matches++;
    assert.equal(globMatches(compileGlob(pattern), name), expected, `pattern ${JSON.stringify(pattern)} against ${JSON.stringify(name)}`);
  }
  assert.ok(matches > 10_000, `the generated cases include enough matches (${matches})`);
});

test("realistic patterns: prefix, suffix, infix, several stars, exact names, literal metacharacters", () => {
  const cases: [string, string, boolean][] = [
    ["gpt-4o*", "gpt-4o-mini", true],
    ["gpt-4o*", "GPT-4O", true],
    ["gpt-4o*", "ft:gpt-4o", false],
    ["*sonnet*", "claude-3-5-sonnet-20241022", true],
    ["claude-*-4*", "claude-sonnet-4-20250514", true],
    ["claude-*-4*", "claude-sonnet-3", false],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["*", "", true],
    ["**", "x", true],
    ["", "", true],
    ["", "x", false],
    ["gpt-4.1", "gpt-401", false],
    ["model+(v2)", "MODEL+(V2)", true],
  ];
  for (const [pattern, name, expected] of cases) {
    assert.equal(globMatches(compileGlob(pattern), name), expected, `${pattern} ~ ${name}`);
    assert.equal(oldRegExp(pattern).test(name), expected, `the old semantics agree on ${pattern} ~ ${name}`);
  }
});

test("a stored pattern far past the form's limits is compiled the same way and stays fast", () => {
  const long = compileGlob(`${"*a".repeat(100)}*b`);
  const name = "a".repeat(256);
  const started = performance.now();
  for (let i = 0; i < 1_000; i++) assert.equal(globMatches(long, name), false);
  assert.ok(performance.now() - started < 2_000, "1,000 matches of a 101-star pattern in under 2 s");
});
