import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsModule from "next-auth/providers/credentials";
import { checkCredentials } from "./credentials";
import { createSession, resolveSession, revokeSession, SESSION_MAX_AGE_SECONDS, type SessionUser } from "./sessions";
import { clientAddress } from "./client-address";
import { signInSucceeded } from "./signin-throttle";
import { safeCallbackPath } from "./safe-redirect";

// A CommonJS module: Next's bundler hands over its default export, Node's ESM loader (node:test with
// tsx, where route handlers are tested over HTTP) the whole module object.
const Credentials = ((CredentialsModule as unknown as { default?: typeof CredentialsModule }).default ?? CredentialsModule) as typeof CredentialsModule;

export const authOptions: NextAuthOptions = {
  // The JWT only carries the session id; lib/auth/sessions.ts decides on every request.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  // next-auth's own error page would be unstyled under the API's CSP: failures land on the sign-in page.
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const user = await checkCredentials(raw);
        if (user) await signInSucceeded({ email: user.email, address: clientAddress(req?.headers ?? {}) });
        return user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = await createSession(user.id);
      }
      return token;
    },
    async session({ session, token }) {
      const user: SessionUser | null = await resolveSession(token.sid);
      // No user in the session object means signed out for every caller (pages, actions, routes).
      return { expires: session.expires, user: user ?? undefined } as typeof session;
    },
    // Only paths on this site: a sign-in link must never bounce a user elsewhere.
    async redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url)}`;
    },
  },
  events: {
    async signOut({ token }) {
      await revokeSession(token?.sid);
    },
  },
};

export function sessionUserFrom(session: unknown): SessionUser | null {
  const u = (session as { user?: SessionUser } | null)?.user;
  return u && typeof u.id === "string" && typeof u.sessionId === "string" ? u : null;
}
