import { NextResponse, type NextRequest } from "next/server";
import { HSTS, NONCE_HEADER, REQUEST_PATH_HEADER, newNonce, pageContentSecurityPolicy } from "@/lib/auth/security-headers";

/**
 * Runs before every page request (not the APIs or static files): a fresh CSP nonce, which Next.js
 * puts on its own scripts, and the requested path and query for the server components, so a
 * signed-out visitor comes back to the page (and filters) they asked for after signing in. Access
 * decisions are not made here: pages, route handlers and server actions make them on the server.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = pageContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const url = request.nextUrl.clone();
  url.searchParams.delete("_rsc"); // Next.js's cache-busting parameter on navigations, not the user's
  const headers = new Headers(request.headers);
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", csp);
  headers.set(REQUEST_PATH_HEADER, `${url.pathname}${url.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  if (https) response.headers.set("strict-transport-security", HSTS);
  return response;
}

export const config = {
  // Pages only: not the APIs, Next.js assets, or files from public/ (any path with an extension).
  matcher: ["/((?!api/|_next/static/|_next/image|.*\\.[A-Za-z0-9]+$).*)"],
};
