import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { emailSchema } from "./email";
import { verifyPasswordEvenly } from "./password";

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(512) });

export type AuthUser = { id: string; email: string; name: string };

/**
 * Checks an email and password. Known, unknown and disabled accounts all cost one scrypt
 * verification, so the answer time does not tell which accounts exist.
 */
export async function checkCredentials(raw: unknown): Promise<AuthUser | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db().user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPasswordEvenly(parsed.data.password, user?.passwordHash ?? null);
  if (!user || user.disabledAt || !ok) return null;
  return { id: user.id, email: user.email, name: user.name };
}

