import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { verifyPassword } from "./password";
import { isRole } from "./roles";
import { emailSchema } from "./email";

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(512) });

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db().user.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
        if (!user || user.disabledAt) return null;
        if (!(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role, orgId: user.orgId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: string; orgId: string };
        token.uid = u.id;
        token.role = u.role;
        token.orgId = u.orgId;
      }
      return token;
    },
    async session({ session, token }) {
      const s = session as unknown as { user: Record<string, unknown> };
      s.user = { ...s.user, id: token.uid, role: token.role, orgId: token.orgId };
      return session;
    },
  },
};

export type SessionUser = { id: string; email: string; name: string; role: string; orgId: string };

export function sessionUserFrom(session: unknown): SessionUser | null {
  const u = (session as { user?: Record<string, unknown> } | null)?.user;
  if (!u || typeof u.id !== "string" || typeof u.orgId !== "string" || !isRole(u.role)) return null;
  return { id: u.id, email: String(u.email ?? ""), name: String(u.name ?? ""), role: u.role, orgId: u.orgId };
}
