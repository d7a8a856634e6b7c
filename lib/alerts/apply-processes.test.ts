import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db/prisma";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

function child(offset: number, count: number): Promise<void> {
  const script = path.join(import.meta.dirname, "testing", "apply-child.ts");
  return new Promise((resolve, reject) =>
    execFile(process.execPath, ["--conditions=react-server", "--import", "tsx", script, cfg.orgId, String(count), String(offset)], { env: process.env }, (err, _o, stderr) =>
      err ? reject(new Error(stderr || err.message)) : resolve(),
    ),
  );
}

test("processes evaluating the same new conditions at the same time open each condition once", { timeout: 120_000 }, async () => {
  const count = 20;
  await Promise.all([child(0, count), child(1, count), child(2, count)]);
  const rows = await db().alert.findMany({ where: { orgId: cfg.orgId, dedupKey: { startsWith: "xp-" } } });
  assert.equal(rows.length, count, "one alert per condition");
  const opened = await db().alertTimeline.count({ where: { orgId: cfg.orgId, type: "opened" } });
  assert.equal(opened, count, "one opened entry (and so one notification) per condition");
});
