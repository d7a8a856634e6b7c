import "server-only";
import { db } from "@/lib/db/prisma";
import { DEMO_PASSWORD, DEMO_SETTING } from "./users";
import { ROLES } from "@/lib/auth/roles";

export type DemoAccounts = { password: string; emails: string[] };

/** The demo sign-ins, only when this installation was seeded as the demo (never for a real organization). */
export async function demoAccounts(): Promise<DemoAccounts | null> {
  const marker = await db().setting.findUnique({ where: { key: DEMO_SETTING } });
  if (!marker) return null;
  const users = await db().user.findMany({
    where: { orgId: marker.value, email: { in: ROLES.map((r) => `${r}@demo.local`) }, disabledAt: null },
    select: { email: true },
  });
  if (users.length === 0) return null;
  const order = (e: string) => ROLES.findIndex((r) => e.startsWith(`${r}@`));
  return { password: DEMO_PASSWORD, emails: users.map((u) => u.email).sort((a, b) => order(a) - order(b)) };
}
