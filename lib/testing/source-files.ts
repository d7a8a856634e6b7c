import fs from "node:fs";
import path from "node:path";

/**
 * TypeScript files below `dir` (absolute paths), for tests that check the shape of the code itself.
 * `skip` names folders not to enter; node_modules and generated code are never entered.
 */
export function typescriptFiles(dir: string, skip: readonly string[] = []): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "generated" || skip.includes(e.name) ? [] : typescriptFiles(p, skip);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}
