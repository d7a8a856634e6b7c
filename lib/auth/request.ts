import "server-only";
import { getServerSession } from "next-auth";
import { authOptions, sessionUserFrom } from "./options";
import { verifyApiKey, type ApiKeyPrincipal, type Scope } from "./api-keys";
import { can, type Permission, type Role } from "./roles";

export type RequestPrincipal =
  | ({ kind: "apiKey" } & ApiKeyPrincipal)
  | { kind: "user"; orgId: string; userId: string; role: Role };

export type AuthResult = { ok: true; principal: RequestPrincipal } | { ok: false; status: 401 | 403; error: string };

/**
 * Route handlers accept an API key with the given scope (Authorization: Bearer <key>), or, when
 * `permission` is given, a signed-in session whose role has it (checked against the database).
 */
export async function authenticate(req: Request, scope: Scope, permission?: Permission): Promise<AuthResult> {
  const header = req.headers.get("authorization");
  if (header) return authenticateBearer(header, scope);
  if (permission) {
    const user = sessionUserFrom(await getServerSession(authOptions));
    if (user) {
      if (!can(user.role, permission)) return { ok: false, status: 403, error: `Your role may not do this (needs ${permission}).` };
      return { ok: true, principal: { kind: "user", orgId: user.orgId, userId: user.id, role: user.role } };
    }
  }
  return { ok: false, status: 401, error: "Missing credentials: send 'Authorization: Bearer <api key>'." };
}

/** An Authorization header's API key, which must have `scope` (also used by fast routes, which have no web Request). */
export async function authenticateBearer(header: string, scope: Scope): Promise<AuthResult> {
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) return { ok: false, status: 401, error: "Authorization header must be 'Bearer <api key>'." };
  const key = await verifyApiKey(m[1]);
  if (!key) return { ok: false, status: 401, error: "API key is unknown or revoked." };
  if (!key.scopes.includes(scope)) return { ok: false, status: 403, error: `API key lacks the '${scope}' scope.` };
  return { ok: true, principal: { kind: "apiKey", ...key } };
}
