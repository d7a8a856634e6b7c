import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { parseCacheStats } from "./cache-stats-schema";
import { storeCacheStats } from "./cache-stats-store";
import { parseCachesQuery } from "./params";
import { cacheReport } from "./report";

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** GET /api/v1/caches: a read key, or a signed-in user who may view the Caches page. */
export async function handleCaches(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "caches.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const q = parseCachesQuery(new URL(req.url).searchParams);
  if (!q.ok) return jsonError(400, "Invalid query parameters.", q.errors);
  try {
    const { from, to, groupBy } = q.value;
    const rows = await cacheReport(auth.principal.orgId, from, to, groupBy);
    return Response.json({ from: from.toISOString(), to: to.toISOString(), group_by: groupBy, rows }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("caches", err);
  }
}

/**
 * POST /api/v1/cache-stats (ingest scope): a cache reports hits, misses, latency and bytes stored
 * per window. All or nothing; a window sent again replaces the earlier report.
 */
export async function handleCacheStats(req: Request): Promise<Response> {
  const auth = await authenticate(req, "ingest");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  try {
    const parsed = parseCacheStats(await readJsonBody(req, MAX_BODY_BYTES));
    if (!parsed.ok) return jsonError(422, "Invalid cache stats; nothing was stored.", parsed.errors);
    await storeCacheStats(auth.principal.orgId, parsed.stats);
    return Response.json({ stored: parsed.stats.length }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("cache-stats", err);
  }
}
