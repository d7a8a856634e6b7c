import "server-only";
import type { z } from "zod";
import { actorOf } from "@/lib/audit/record";
import { authenticate, type RequestPrincipal } from "@/lib/auth/request";
import type { Permission } from "@/lib/auth/roles";
import type { Scope } from "@/lib/auth/api-keys";
import { HttpError, readJsonBody } from "@/lib/http/body";
import { jsonError } from "@/lib/http/responses";

const MAX_BODY = 64 * 1024;

export type Authed = { orgId: string; actor: string; principal: RequestPrincipal };

/** Authenticates or answers 401/403. Writes need the manage scope (or a role's permission), reads the read scope. */
export async function authed(req: Request, scope: Scope, permission: Permission): Promise<Authed | Response> {
  const auth = await authenticate(req, scope, permission);
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const p = auth.principal;
  const actor = p.kind === "user" ? actorOf({ kind: "user", userId: p.userId }) : actorOf({ kind: "apiKey", keyId: p.keyId });
  return { orgId: p.orgId, actor, principal: p };
}

/** Reads and validates a JSON body; problems answer 400 (not JSON) or 422 (each field named). */
export async function validBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const raw = await readJsonBody(req, MAX_BODY);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new HttpError(422, "Invalid request body.", parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`));
  }
  return parsed.data;
}

export function notFound(what: string, id: string): Response {
  return jsonError(404, `No ${what} with id "${id}" in this organization.`);
}

export const noStore = { headers: { "cache-control": "no-store" } };
