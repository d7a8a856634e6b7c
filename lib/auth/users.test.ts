import { makeUser, openConfigDb, type ConfigDb } from "./testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { UserChangeError, listUsers, setUserDisabled, setUserRole } from "./users";
import { createInvitation, createResetLink, findLink, listPendingLinks, redeemLink, revokeLink } from "./invitations";
import { createSession, resolveSession } from "./sessions";
import { checkCredentials } from "./credentials";
import { db } from "@/lib/db/prisma";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

test("the last active admin can neither be demoted nor disabled; with a second admin both work", async () => {
  const first = await makeUser(cfg.orgId, "first-admin@example.com", "admin");
  await assert.rejects(setUserRole(cfg.orgId, first.id, "viewer"), UserChangeError);
  await assert.rejects(setUserDisabled(cfg.orgId, first.id, true), UserChangeError);
  const second = await makeUser(cfg.orgId, "second-admin@example.com", "admin");
  await setUserRole(cfg.orgId, first.id, "finance");
  // Now `second` is the last one.
  await assert.rejects(setUserDisabled(cfg.orgId, second.id, true), /last active admin/);
  await setUserRole(cfg.orgId, first.id, "admin");
  await setUserDisabled(cfg.orgId, second.id, true);
  // A disabled admin does not count as the other admin.
  await assert.rejects(setUserRole(cfg.orgId, first.id, "viewer"), /last active admin/);
  const rows = await listUsers(cfg.orgId);
  assert.deepEqual(
    rows.filter((r) => r.role === "admin").map((r) => [r.email, r.disabled]),
    [
      ["first-admin@example.com", false],
      ["second-admin@example.com", true],
    ],
  );
});

test("two admins demoting each other at the same moment: one wins, one admin remains", async () => {
  const org = (await db().organization.create({ data: { name: "Race org" } })).id;
  for (let round = 0; round < 5; round++) {
    const a = await makeUser(org, `race-a-${round}@example.com`, "admin");
    const b = await makeUser(org, `race-b-${round}@example.com`, "admin");
    const results = await Promise.allSettled([setUserRole(org, a.id, "viewer"), setUserRole(org, b.id, "viewer")]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1, `round ${round}: exactly one demotion goes through`);
    const admins = await db().user.count({ where: { orgId: org, role: "admin", disabledAt: null } });
    assert.equal(admins, 1);
    await db().user.deleteMany({ where: { orgId: org } });
  }
});

test("changes to users of another organization are refused", async () => {
  const otherOrg = (await db().organization.create({ data: { name: "Other" } })).id;
  const stranger = await makeUser(otherOrg, "stranger@example.com", "engineer");
  await assert.rejects(setUserRole(cfg.orgId, stranger.id, "viewer"), /No such user/);
  await assert.rejects(setUserDisabled(cfg.orgId, stranger.id, true), /No such user/);
  await assert.rejects(createResetLink({ orgId: cfg.orgId, userId: stranger.id, createdBy: "t" }), /No such user/);
});

test("an invitation link works once and creates the user with the invited role", async () => {
  const inv = await createInvitation({ orgId: cfg.orgId, email: "New.Person@Example.com", role: "finance", createdBy: "admin@example.com" });
  assert.match(inv.path, /^\/invite\/[A-Za-z0-9_-]{43}$/);
  const stored = await db().invitation.findUniqueOrThrow({ where: { id: inv.id } });
  assert.notEqual(stored.tokenHash, inv.token, "only a hash is stored");
  assert.equal((await listPendingLinks(cfg.orgId)).filter((l) => l.email === "new.person@example.com").length, 1);
  assert.equal((await findLink(inv.token))?.role, "finance");
  await redeemLink(inv.token, { name: "New Person", password: "a good password" });
  const user = await checkCredentials({ email: "new.person@example.com", password: "a good password" });
  assert.equal(user?.name, "New Person");
  assert.equal((await db().user.findUniqueOrThrow({ where: { email: "new.person@example.com" } })).role, "finance");
  await assert.rejects(redeemLink(inv.token, { name: "Again", password: "another password" }), /invalid, already used/);
  assert.equal(await findLink(inv.token), null);
});

test("revoked, expired and replaced links do not work", async () => {
  const a = await createInvitation({ orgId: cfg.orgId, email: "revoked@example.com", role: "viewer", createdBy: "t" });
  assert.ok(await revokeLink(cfg.orgId, a.id));
  await assert.rejects(redeemLink(a.token, { name: "x", password: "password1" }), UserChangeError);
  const b = await createInvitation({ orgId: cfg.orgId, email: "late@example.com", role: "viewer", createdBy: "t" });
  await db().invitation.update({ where: { id: b.id }, data: { expiresAt: new Date(Date.now() - 1) } });
  await assert.rejects(redeemLink(b.token, { name: "x", password: "password1" }), UserChangeError);
  const c1 = await createInvitation({ orgId: cfg.orgId, email: "twice@example.com", role: "viewer", createdBy: "t" });
  const c2 = await createInvitation({ orgId: cfg.orgId, email: "twice@example.com", role: "oncall", createdBy: "t" });
  assert.equal(await findLink(c1.token), null, "a new invitation replaces the earlier one");
  assert.equal((await findLink(c2.token))?.role, "oncall");
  await assert.rejects(createInvitation({ orgId: cfg.orgId, email: "first-admin@example.com", role: "viewer", createdBy: "t" }), /already has an account/);
});

test("a reset link sets the password and ends the user's sessions", async () => {
  const u = await makeUser(cfg.orgId, "forgetful@example.com", "engineer", "old password 1");
  const sid = await createSession(u.id);
  const link = await createResetLink({ orgId: cfg.orgId, userId: u.id, createdBy: "admin" });
  await redeemLink(link.token, { name: "", password: "new password 2" });
  assert.equal(await resolveSession(sid), null);
  assert.equal(await checkCredentials({ email: "forgetful@example.com", password: "old password 1" }), null);
  assert.ok(await checkCredentials({ email: "forgetful@example.com", password: "new password 2" }));
  assert.equal((await db().user.findUniqueOrThrow({ where: { id: u.id } })).role, "engineer", "a reset keeps the role");
});

test("a disabled user's right password is refused", async () => {
  const u = await makeUser(cfg.orgId, "off@example.com", "viewer", "right password");
  await setUserDisabled(cfg.orgId, u.id, true);
  assert.equal(await checkCredentials({ email: "off@example.com", password: "right password" }), null);
});
