import { strict as assert } from "node:assert";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { typescriptFiles } from "@/lib/testing/source-files";
import { TABLES, VIEWS } from "./schema";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** Where table names may be spelled: their definitions, and the migrations (history, written once). */
const ALLOWED = [path.join("lib", "clickhouse", "schema") + path.sep, path.join("lib", "clickhouse", "migrations") + path.sep];

const sourceFiles = (dir: string) => typescriptFiles(path.join(ROOT, dir)).map((p) => path.relative(ROOT, p));

/** Table names inside the string and template literals of a file (comments may name tables). */
function spelledNames(file: string, names: RegExp): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      for (const m of node.getText(sf).matchAll(names)) found.push(`${m[1]} (line ${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

test("no file but a table's definition spells its name (SQL uses the constants of lib/clickhouse/tables.ts)", () => {
  const names = new RegExp(`(?<![A-Za-z0-9_.])(${[...TABLES, ...VIEWS].map((t) => t.name).join("|")})(?![A-Za-z0-9_])`, "g");
  const offenders = ["app", "components", "lib", "workers", "e2e"]
    .filter((d) => fs.existsSync(path.join(ROOT, d)))
    .flatMap(sourceFiles)
    .filter((f) => !ALLOWED.some((a) => f.startsWith(a)))
    .flatMap((f) => spelledNames(f, names).map((n) => `${f}: ${n}`));
  assert.deepEqual(offenders, []);
});
