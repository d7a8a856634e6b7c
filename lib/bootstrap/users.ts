import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/auth/password";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createInvitation } from "@/lib/auth/invitations";

export async function createUser(input: { orgId: string; email: string; name: string; role: Role; password?: string }) {
  if (!ROLES.includes(input.role)) throw new Error(`role: expected one of ${ROLES.join(", ")}`);
  const password = input.password ?? randomBytes(12).toString("base64url");
  if (password.length < 8) throw new Error("password: at least 8 characters");
  const user = await db().user.create({
    data: { orgId: input.orgId, email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash: await hashPassword(password) },
  });
  return { user, password };
}

export const DEMO_PASSWORD = "demo-password";
export const DEMO_ORG_NAME = "Demo Co";

export const DEMO_SETTING = "demo.orgId";
export const DEMO_INVITEE = "new.analyst@demo.local";

function demoUsersLine(): string {
  return `Demo users (password "${DEMO_PASSWORD}"): ${ROLES.map((r) => `${r}@demo.local`).join(", ")}`;
}

/**
 * First start: an empty configuration database gets an organization. With demo data on it is the
 * demo organization with one user per role (shared demo password, printed on every start); otherwise
 * one admin with a random password printed once.
 */
export async function ensureOrganization(
  demo: boolean,
): Promise<{ orgId: string; created: boolean; isDemo: boolean; lines: string[] }> {
  const existing = await db().organization.findFirst({ orderBy: { createdAt: "asc" } });
  if (existing) {
    const marker = await db().setting.findUnique({ where: { key: DEMO_SETTING } });
    const isDemo = marker?.value === existing.id;
    return { orgId: existing.id, created: false, isDemo, lines: isDemo ? [demoUsersLine()] : [] };
  }
  const org = await db().organization.create({ data: { name: demo ? DEMO_ORG_NAME : "My organization" } });
  const lines: string[] = [];
  if (demo) {
    for (const role of ROLES) {
      await createUser({ orgId: org.id, email: `${role}@demo.local`, name: `Demo ${role}`, role, password: DEMO_PASSWORD });
    }
    // One pending invitation, so the Users page shows how inviting works; its link was never shown
    // to anyone, so it can only be revoked (or replaced by inviting the same address again).
    await createInvitation({ orgId: org.id, email: DEMO_INVITEE, role: "finance", createdBy: "admin@demo.local" });
    await db().setting.create({ data: { key: DEMO_SETTING, value: org.id } });
    lines.push(demoUsersLine());
  } else {
    const { password } = await createUser({ orgId: org.id, email: "admin@localhost", name: "Administrator", role: "admin" });
    lines.push(`Admin user: admin@localhost  password: ${password}  (shown once; change it with: npm run cli -- users password admin@localhost)`);
  }
  return { orgId: org.id, created: true, isDemo: demo, lines };
}
