import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { AnswerCache } from "./answer-cache";
import { querySpend, type SpendQuery } from "./spend";
import { parseSpendParams } from "./spend-params";

// Bodies of at most ~1 MB are kept: an ungrouped-by-user answer can be far larger and is rarely repeated.
const answers = new AnswerCache<Promise<string>>(256, (body) => body.then((b) => b.length), 1 << 20);

/** GET /api/v1/spend: an API key with the read scope, or a signed-in user who may view dashboards. */
export async function handleSpend(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "dashboard.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const params = parseSpendParams(new URL(req.url).searchParams);
  if (!params.ok) return jsonError(400, "Invalid query parameters.", params.errors);
  try {
    const q = { orgId: auth.principal.orgId, ...params.value };
    // In embedded mode many readers of one view cost one statement until the next write (AnswerCache).
    const body = await answers.get(JSON.stringify(q), () => spendBody(q));
    return new Response(body, { headers: { "content-type": "application/json", "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("spend", err);
  }
}

async function spendBody(q: SpendQuery): Promise<string> {
  const rows = await querySpend(q);
  return JSON.stringify({
    // The rollup is hourly: every hour the range touches is included, and the answer says which.
    from: hourFloor(q.from).toISOString(),
    to: new Date(Math.ceil(q.to.getTime() / 3_600_000) * 3_600_000).toISOString(),
    group_by: q.groupBy,
    interval: q.interval ?? null,
    filters: q.filters,
    rows,
  });
}

function hourFloor(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
}
