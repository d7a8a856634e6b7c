import { makeUser, openConfigDb, type ConfigDb } from "./testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createSession, resolveSession, revokeSession } from "./sessions";
import { setUserDisabled, setUserPassword, setUserRole } from "./users";
import { db } from "@/lib/db/prisma";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
  await makeUser(cfg.orgId, "boss@example.com", "admin");
});
after(async () => cfg?.close());

test("a session carries the user's current role from the database, not a copy made at sign-in", async () => {
  const u = await makeUser(cfg.orgId, "eng@example.com", "engineer");
  const sid = await createSession(u.id);
  assert.equal((await resolveSession(sid))?.role, "engineer");
  await setUserRole(cfg.orgId, u.id, "viewer");
  assert.equal((await resolveSession(sid))?.role, "viewer");
  assert.ok((await db().user.findUniqueOrThrow({ where: { id: u.id } })).lastSignInAt, "sign-in time recorded");
});

test("disabling a user ends their sessions; enabling does not bring old ones back", async () => {
  const u = await makeUser(cfg.orgId, "gone@example.com", "engineer");
  const sid = await createSession(u.id);
  await setUserDisabled(cfg.orgId, u.id, true);
  assert.equal(await resolveSession(sid), null);
  await setUserDisabled(cfg.orgId, u.id, false);
  assert.equal(await resolveSession(sid), null, "the session was revoked, not just hidden");
  assert.ok(await resolveSession(await createSession(u.id)), "a new sign-in works");
});

test("signing out revokes that session only", async () => {
  const u = await makeUser(cfg.orgId, "two-tabs@example.com", "finance");
  const a = await createSession(u.id);
  const b = await createSession(u.id);
  await revokeSession(a);
  assert.equal(await resolveSession(a), null);
  assert.ok(await resolveSession(b));
});

test("a new password ends every session of the user", async () => {
  const u = await makeUser(cfg.orgId, "reset@example.com", "finance");
  const a = await createSession(u.id);
  const b = await createSession(u.id);
  await setUserPassword(cfg.orgId, u.id, "a brand new password");
  assert.equal(await resolveSession(a), null);
  assert.equal(await resolveSession(b), null);
});

test("unknown, empty, absurd and expired session ids resolve to nobody", async () => {
  assert.equal(await resolveSession(undefined), null);
  assert.equal(await resolveSession(""), null);
  assert.equal(await resolveSession("x".repeat(500)), null);
  assert.equal(await resolveSession("no-such-session"), null);
  const u = await makeUser(cfg.orgId, "old@example.com", "viewer");
  const sid = await createSession(u.id);
  await db().session.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
  assert.equal(await resolveSession(sid), null);
});
