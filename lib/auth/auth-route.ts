import "server-only";
import NextAuth from "next-auth";
import { authOptions } from "./options";
import { clientAddress } from "./client-address";
import { retryAfterText, takeSignInAttempt } from "./signin-throttle";

type Context = { params: Promise<{ nextauth: string[] }> };

const nextAuth = NextAuth(authOptions) as (req: Request, ctx: Context) => Promise<Response>;

/**
 * /api/auth/*: next-auth, with sign-in attempts throttled first. A refused attempt answers 429 with
 * Retry-After before the password is looked at; its body has the `url` next-auth's client expects,
 * whose `error` is the sentence the sign-in form shows.
 */
export async function handleAuth(req: Request, ctx: Context): Promise<Response> {
  const { nextauth = [] } = await ctx.params;
  if (req.method === "POST" && nextauth[0] === "callback" && nextauth[1] === "credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "").slice(0, 320);
    const decision = await takeSignInAttempt({ email, address: clientAddress(req.headers) });
    if (!decision.ok) {
      const message = `Too many sign-in attempts${decision.scope === "account" ? " for this account" : " from your network"}. Try again in ${retryAfterText(decision.retryAfterSeconds)}.`;
      const url = new URL(`/signin?error=${encodeURIComponent(message)}`, req.url).toString();
      return Response.json(
        { url, error: message, retry_after_seconds: decision.retryAfterSeconds },
        { status: 429, headers: { "retry-after": String(decision.retryAfterSeconds), "cache-control": "no-store" } },
      );
    }
  }
  return nextAuth(req, ctx);
}
