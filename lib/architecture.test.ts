import { strict as assert } from "node:assert";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { typescriptFiles } from "@/lib/testing/source-files";

/**
 * The layering the README describes: no two lib/ folders import each other (what both need lives in
 * a folder below both). Tests and benchmarks are tools, not the product, and may reach anywhere.
 */
const LIB = path.resolve(import.meta.dirname);

const productFiles = (dir: string) => typescriptFiles(dir, ["bench", "testing"]).filter((p) => !/\.test\.tsx?$/.test(p) && !/^bench/.test(path.basename(p)));

test("no two lib/ folders import each other", () => {
  const deps = new Map<string, Map<string, string>>(); // folder -> imported folder -> an importing file
  for (const file of productFiles(LIB)) {
    const from = path.relative(LIB, file).split(path.sep)[0];
    for (const m of fs.readFileSync(file, "utf8").matchAll(/from "@\/lib\/([a-z0-9-]+)\//g)) {
      if (m[1] === from) continue;
      if (!deps.has(from)) deps.set(from, new Map());
      deps.get(from)!.set(m[1], path.relative(LIB, file));
    }
  }
  const cycles: string[] = [];
  for (const [a, targets] of deps) {
    for (const [b, fileA] of targets) {
      const fileB = deps.get(b)?.get(a);
      if (fileB && a < b) cycles.push(`${a} <-> ${b} (${fileA}, ${fileB})`);
    }
  }
  assert.deepEqual(cycles, []);
});

/**
 * Components get their server actions as props from the page that renders them, and the types of what
 * those actions answer live next to the components: the UI layer does not depend on routes.
 */
test("components never import app/", () => {
  const root = path.dirname(LIB);
  const app = path.join(root, "app");
  const components = path.join(root, "components");
  const intoApp = (file: string, spec: string) =>
    spec === "@/app" || spec.startsWith("@/app/") || (spec.startsWith(".") && !path.relative(app, path.resolve(path.dirname(file), spec)).startsWith(".."));
  const offenders = typescriptFiles(components)
    .filter((file) => [...fs.readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].some((m) => intoApp(file, m[1])))
    .map((file) => path.relative(root, file))
    .sort();
  assert.deepEqual(offenders, [], `components importing app/ (pass the server action from the page instead): ${offenders.join(", ")}`);
});
