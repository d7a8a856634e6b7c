/** The text checks every stored string goes through: what the engine refuses, and what would display as something else. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { canonicalText, describeValue, showText, textProblem } from "./text";

test("unpaired surrogates are found wherever they are; pairs are fine", () => {
  assert.equal(textProblem("plain ascii"), null);
  assert.equal(textProblem("emoji 😀 and ünïcödé, 中文"), null);
  assert.match(textProblem("\ud800") ?? "", /unpaired UTF-16 surrogate \(U\+D800\) at character 1/);
  assert.match(textProblem("ab\udc00") ?? "", /\(U\+DC00\) at character 3/);
  assert.match(textProblem("a\ud83d") ?? "", /\(U\+D83D\) at character 2/, "a high surrogate at the end");
  assert.match(textProblem("\ud83d\ud83d\ude00") ?? "", /\(U\+D83D\) at character 1/, "a high surrogate followed by a pair");
  assert.match(textProblem("\ude00\ud83d") ?? "", /\(U\+DE00\) at character 1/, "a reversed pair");
});

test("every C0, DEL and C1 control and every bidi override/isolate is refused; other format characters are not", () => {
  for (let c = 0; c <= 0x1f; c++) assert.match(textProblem(`x${String.fromCharCode(c)}`) ?? "", /control character/);
  for (let c = 0x7f; c <= 0x9f; c++) assert.match(textProblem(String.fromCharCode(c)) ?? "", /control character/);
  for (const c of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
    assert.match(textProblem(String.fromCharCode(c)) ?? "", /bidirectional formatting character/);
  }
  for (const ok of ["\u00a0", "\u200b", "\u200e", "\u2028", "\ufeff", "\u00a1"]) assert.equal(textProblem(ok), null, `U+${ok.charCodeAt(0).toString(16)}`);
});

test("canonical text is NFC", () => {
  assert.equal(canonicalText("e\u0301"), "\u00e9");
  assert.equal(canonicalText("\u00e9"), "\u00e9");
});

test("error messages show untrusted text quoted, escaped and short, and never throw", () => {
  assert.equal(showText("a\u202eb\u0000"), '"a\\u202eb\\u0000"');
  assert.equal(showText("x".repeat(100), 5), '"xxxxx…"');
  assert.equal(describeValue(42), "42");
  assert.equal(describeValue(undefined), "undefined");
  assert.equal(describeValue({ a: 1 }), '{"a":1}');
  let deep: unknown = 1;
  for (let i = 0; i < 20_000; i++) deep = { d: deep };
  assert.equal(describeValue(deep), "an object nested too deeply to show");
});
