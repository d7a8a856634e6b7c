/**
 * The user and key commands through the real CLI (`npm run cli -- ...` as a child process) against
 * a temporary configuration database, checked through the same session and key code the server uses.
 */
import { makeUser, openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { checkCredentials } from "@/lib/auth/credentials";
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
  await makeUser(cfg.orgId, "root@example.com", "admin");
});
after(async () => cfg?.close());

test("users disable ends the user's sessions at once; users enable lets them sign in again", async () => {
  const u = await makeUser(cfg.orgId, "dana@example.com", "engineer", "dana's password");
  const sid = await createSession(u.id);
  const off = await cli("users", "disable", "--email", "Dana@Example.com");
  assert.equal(off.code, 0, off.err);
  assert.equal(await resolveSession(sid), null);
  assert.equal(await checkCredentials({ email: "dana@example.com", password: "dana's password" }), null);
  const on = await cli("users", "enable", "--email", "dana@example.com");
  assert.equal(on.code, 0, on.err);
  assert.ok(await checkCredentials({ email: "dana@example.com", password: "dana's password" }));
});

test("users role applies to existing sessions; the last admin cannot be demoted", async () => {
  const u = await makeUser(cfg.orgId, "eli@example.com", "engineer");
  const sid = await createSession(u.id);
  const r = await cli("users", "role", "--email", "eli@example.com", "--role", "viewer");
  assert.equal(r.code, 0, r.err);
  assert.equal((await resolveSession(sid))?.role, "viewer");
  const bad = await cli("users", "role", "--email", "eli@example.com", "--role", "owner");
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--role: .*admin.*viewer/);
  const last = await cli("users", "role", "--email", "root@example.com", "--role", "viewer");
  assert.equal(last.code, 1);
  assert.match(last.err, /last active admin/);
});

test("users password ends every existing session", async () => {
  const u = await makeUser(cfg.orgId, "fay@example.com", "finance");
  const sid = await createSession(u.id);
  const r = await cli("users", "password", "--email", "fay@example.com", "--password", "fay's new password");
  assert.equal(r.code, 0, r.err);
  assert.equal(await resolveSession(sid), null);
  assert.ok(await checkCredentials({ email: "fay@example.com", password: "fay's new password" }));
});

test("keys create takes limits, keys limits changes them, and bad values name the option", async () => {
  const r = await cli("keys", "create", "--name", "limited", "--scopes", "ingest", "--requests-per-minute", "120", "--events-per-day", "1,000,000");
  assert.equal(r.code, 0, r.err);
  const key = await db().apiKey.findFirstOrThrow({ where: { name: "limited" } });
  assert.deepEqual([key.requestsPerMinute, key.eventsPerDay], [120, 1_000_000]);
  const change = await cli("keys", "limits", "--id", key.id, "--requests-per-minute", "default", "--events-per-day", "5000");
  assert.equal(change.code, 0, change.err);
  const after = await db().apiKey.findUniqueOrThrow({ where: { id: key.id } });
  assert.deepEqual([after.requestsPerMinute, after.eventsPerDay], [null, 5000]);
  const bad = await cli("keys", "create", "--name", "x", "--requests-per-minute", "fast");
  assert.equal(bad.code, 1);
  assert.match(bad.err, /--requests-per-minute: expected a whole number/);
});
