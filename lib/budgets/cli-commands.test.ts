/** `budgets create|list|delete` through the real CLI against a temporary configuration database. */
import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db/prisma";

const root = path.resolve(import.meta.dirname, "../..");
let cfg: ConfigDb;

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/main.ts", ...args], { cwd: root, env: { ...process.env, DATA_DIR: cfg.dir } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

test("create, list and delete a budget; each change audited as the CLI", async () => {
  const made = await cli("budgets", "create", "--name", "Support", "--amount", "250.50", "--period", "quarter", "--scope", "team=support,customer=acme", "--timezone", "Europe/Berlin", "--fiscal-start", "4");
  assert.equal(made.code, 0, made.err);
  const id = /budget "Support" (\S+):/.exec(made.out)?.[1];
  assert.ok(id, made.out);
  const row = await db().budget.findUnique({ where: { id } });
  assert.equal(row?.amountUsd, "250.5");
  assert.deepEqual(JSON.parse(row!.scope), { team: "support", customer: "acme" });
  assert.equal(row?.fiscalYearStartMonth, 4);
  const listed = await cli("budgets", "list");
  assert.match(listed.out, new RegExp(`${id}.*quarter.*Europe/Berlin.*team=support,customer=acme.*Support`));
  const gone = await cli("budgets", "delete", "--id", id);
  assert.equal(gone.code, 0, gone.err);
  assert.match((await cli("budgets", "list")).out, /No budgets/);
  const audit = await db().auditEntry.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
  assert.deepEqual(audit.map((a) => [a.action, a.actor]), [["budget.create", "cli"], ["budget.delete", "cli"]]);
});

test("bad options are refused naming the field and what was expected", async () => {
  const bad = await cli("budgets", "create", "--name", "x", "--amount", "ten", "--period", "fortnight", "--timezone", "Nowhere/Land");
  assert.equal(bad.code, 1);
  assert.match(bad.err, /amount_usd: expected a positive decimal/);
  assert.match(bad.err, /period: expected one of day, week, month, quarter, year/);
  assert.match(bad.err, /timezone: expected an IANA time zone/);
  const scope = await cli("budgets", "create", "--name", "x", "--amount", "1", "--period", "day", "--scope", "team");
  assert.match(scope.err, /--scope: expected dimension=value pairs/);
  assert.equal((await cli("budgets", "delete", "--id", "nope")).code, 1);
});
