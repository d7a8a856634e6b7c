import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { PAGE_RULES, pagePermission } from "./page-rules";

const APP = path.resolve(import.meta.dirname, "../../app/(app)");

function pages(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return pages(full);
    return e.name === "page.tsx" ? [full] : [];
  });
}

test("every signed-in page has a rule, and checks that same permission itself", () => {
  const found = pages(APP);
  assert.ok(found.length >= 4);
  for (const file of found) {
    const route = "/" + path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !s.startsWith("(")).join("/");
    const rule = PAGE_RULES[route === "/" ? "/" : route];
    assert.ok(rule, `${route} (${file}) has no entry in PAGE_RULES`);
    const source = fs.readFileSync(file, "utf8");
    assert.match(source, new RegExp(`requirePermission\\("${rule.replace(".", "\\.")}"\\)`), `${file} must call requirePermission("${rule}")`);
  }
});

test("a path finds its own rule or its parent's, ignoring the query", () => {
  assert.equal(pagePermission("/"), "dashboard.view");
  assert.equal(pagePermission("/?customer=acme"), "dashboard.view");
  assert.equal(pagePermission("/prices?x=1"), "prices.view");
  assert.equal(pagePermission("/settings/users/"), "users.manage");
  assert.equal(pagePermission("/settings/api-keys/abc"), "apikeys.manage");
  assert.equal(pagePermission("/pricesx"), null);
  assert.equal(pagePermission("/signin"), null);
});

test("a [param] rule matches any one segment, and a literal segment wins over it", () => {
  assert.equal(pagePermission("/budgets/new"), "budgets.manage");
  assert.equal(pagePermission("/budgets/b123"), "budgets.view");
  assert.equal(pagePermission("/budgets/b123/edit?x=1"), "budgets.manage");
  assert.equal(pagePermission("/budgets"), "budgets.view");
  assert.equal(pagePermission("/alerts/a1"), "alerts.view");
  assert.equal(pagePermission("/settings/users/x"), "users.manage");
  assert.equal(pagePermission("/"), "dashboard.view");
  assert.equal(pagePermission("/nothing-here"), null);
});
