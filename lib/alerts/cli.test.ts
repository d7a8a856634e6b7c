/** The alert commands through the real CLI (a child process) against a temporary configuration database. */
import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { applyEvaluation } from "./apply";
import { alertTiming } from "./settings";
import { condition, evaluation } from "./testing/fixtures";

const root = path.resolve(import.meta.dirname, "../..");
let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/main.ts", ...args], { cwd: root, env: { ...process.env, DATA_DIR: cfg.dir } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    ),
  );
}

test("alerts settings shows the defaults, sets one value keeping the other, and refuses a bad value naming it", async () => {
  assert.match((await cli("alerts", "settings")).out, /hold-off 600 s, repeat interval 14400 s/);
  assert.match((await cli("alerts", "settings", "--repeat-interval-seconds", "1800")).out, /hold-off 600 s, repeat interval 1800 s/);
  assert.deepEqual(await alertTiming(cfg.orgId), { holdOffMs: 600_000, repeatIntervalMs: 1_800_000 });
  const bad = await cli("alerts", "settings", "--repeat-interval-seconds", "5");
  assert.notEqual(bad.code, 0);
  assert.match(bad.err, /repeat_interval_seconds: expected at least 60/);
});

test("alerts list prints open alerts", async () => {
  await applyEvaluation(evaluation(cfg.orgId, "cli-src", [condition("cli-key", 1, "critical", { title: "CLI visible alert" })], new Date()));
  const r = await cli("alerts", "list");
  assert.equal(r.code, 0);
  assert.match(r.out, /critical\s+anomaly\s+CLI visible alert/);
  assert.match((await cli("alerts", "list", "--state", "closed")).err, /--state: expected one of open, acknowledged, resolved/);
});
