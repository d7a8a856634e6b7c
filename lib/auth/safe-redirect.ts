/**
 * Where to send a user after sign-in: only a path on this site. The value is parsed the way a
 * browser would (backslashes, tabs and newlines included) against a fixed base; anything that lands
 * on another origin becomes "/". A path that would start with "//" (e.g. from "/.//evil.example")
 * is collapsed, since a browser reads "//host" as another site.
 */
const BASE = "http://callback.invalid";

export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname.replace(/^\/+/, "/");
  return `${path}${url.search}${url.hash}`;
}
