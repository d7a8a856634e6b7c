import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell, toCsv } from "./csv";

test("RFC 4180: CRLF rows, quoted fields with comma, quote, CR or LF, quotes doubled", () => {
  assert.equal(toCsv(["a", "b"], [["1", "x,y"], ['say "hi"', "line\nbreak"]]), 'a,b\r\n1,"x,y"\r\n"say ""hi""","line\nbreak"\r\n');
});

test("formula-looking text is defused; exact decimals, negatives included, are left alone", () => {
  assert.equal(csvCell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvCell("@sum"), "'@sum");
  assert.equal(csvCell("+1 team"), "'+1 team");
  assert.equal(csvCell("-0.0035"), "-0.0035");
  assert.equal(csvCell("1234.567812345678"), "1234.567812345678");
});
