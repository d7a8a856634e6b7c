import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { DEFAULT_LIMITS, type KeyLimitSettings, type KeyLimits } from "./key-limit-settings";

/** ingest: send events; read: read spend, budgets, alerts; manage: create and change budgets, channels, monitors. */
export const SCOPES = ["ingest", "read", "manage"] as const;
export type Scope = (typeof SCOPES)[number];

export type ApiKeyPrincipal = { keyId: string; orgId: string; scopes: Scope[]; limits: KeyLimits };

const KEY_PREFIX = "lfo_";

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Creates a key; the plaintext is returned once and only its SHA-256 is stored. */
export async function createApiKey(input: { orgId: string; name: string; scopes: Scope[]; createdById?: string; limits?: KeyLimitSettings }) {
  if (input.scopes.length === 0) throw new Error("scopes: expected at least one of ingest, read, manage");
  const secret = KEY_PREFIX + randomBytes(32).toString("base64url");
  const row = await db().apiKey.create({
    data: {
      orgId: input.orgId,
      name: input.name,
      prefix: secret.slice(0, 12),
      hash: sha256(secret),
      scopes: [...new Set(input.scopes)].join(","),
      createdById: input.createdById,
      requestsPerMinute: input.limits?.requestsPerMinute ?? null,
      eventsPerDay: input.limits?.eventsPerDay ?? null,
    },
  });
  return { id: row.id, key: secret, prefix: row.prefix, scopes: input.scopes, name: row.name };
}

export async function listApiKeys(orgId: string) {
  const rows = await db().apiKey.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, include: { createdBy: true } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes.split(",") as Scope[],
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    createdBy: r.createdBy?.email ?? null,
    limits: effectiveLimits(r),
    customLimits: { requestsPerMinute: r.requestsPerMinute, eventsPerDay: r.eventsPerDay },
  }));
}

function effectiveLimits(r: { requestsPerMinute: number | null; eventsPerDay: number | null }): KeyLimits {
  return { requestsPerMinute: r.requestsPerMinute ?? DEFAULT_LIMITS.requestsPerMinute, eventsPerDay: r.eventsPerDay ?? DEFAULT_LIMITS.eventsPerDay };
}

/** Changes a key's limits (null: back to the default); servers apply it within the key cache's 10 s. */
export async function setApiKeyLimits(orgId: string, id: string, limits: KeyLimitSettings): Promise<boolean> {
  const data: { requestsPerMinute?: number | null; eventsPerDay?: number | null } = {};
  if (limits.requestsPerMinute !== undefined) data.requestsPerMinute = limits.requestsPerMinute;
  if (limits.eventsPerDay !== undefined) data.eventsPerDay = limits.eventsPerDay;
  const res = await db().apiKey.updateMany({ where: { id, orgId }, data });
  verified.clear();
  return res.count > 0;
}

export async function revokeApiKey(orgId: string, id: string): Promise<boolean> {
  const res = await db().apiKey.updateMany({ where: { id, orgId, revokedAt: null }, data: { revokedAt: new Date() } });
  verified.clear();
  return res.count > 0;
}

// Ingestion checks a key on every request; a short cache keeps SQLite off that hot path.
// Revocation clears it in this process; other processes see a revocation within the TTL.
const CACHE_TTL_MS = 10_000;
// On globalThis: Next.js bundles pages and route handlers separately, and a revocation made from a
// page must clear the cache the ingest route reads.
const g = globalThis as typeof globalThis & {
  __finopsKeyCache?: { verified: Map<string, { principal: ApiKeyPrincipal | null; at: number }>; lastUsedWrites: Map<string, number> };
};
g.__finopsKeyCache ??= { verified: new Map(), lastUsedWrites: new Map() };
const { verified, lastUsedWrites } = g.__finopsKeyCache;

export async function verifyApiKey(secret: string): Promise<ApiKeyPrincipal | null> {
  if (!secret.startsWith(KEY_PREFIX) || secret.length > 200) return null;
  const hash = sha256(secret);
  const hit = verified.get(hash);
  const now = Date.now();
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.principal;
  const row = await db().apiKey.findUnique({ where: { hash } });
  const principal = row && !row.revokedAt ? { keyId: row.id, orgId: row.orgId, scopes: row.scopes.split(",") as Scope[], limits: effectiveLimits(row) } : null;
  verified.set(hash, { principal, at: now });
  if (row && principal && now - (lastUsedWrites.get(row.id) ?? 0) > 60_000) {
    lastUsedWrites.set(row.id, now);
    await db().apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return principal;
}
