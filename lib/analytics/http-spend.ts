import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { querySpend } from "./spend";
import { parseSpendParams } from "./spend-params";

/** GET /api/v1/spend: an API key with the read scope, or a signed-in user who may view dashboards. */
export async function handleSpend(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "dashboard.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const params = parseSpendParams(new URL(req.url).searchParams);
  if (!params.ok) return jsonError(400, "Invalid query parameters.", params.errors);
  try {
    const q = params.value;
    const rows = await querySpend({ orgId: auth.principal.orgId, ...q });
    return Response.json(
      {
        // The rollup is hourly: every hour the range touches is included, and the answer says which.
        from: hourFloor(q.from).toISOString(),
        to: new Date(Math.ceil(q.to.getTime() / 3_600_000) * 3_600_000).toISOString(),
        group_by: q.groupBy,
        interval: q.interval ?? null,
        filters: q.filters,
        rows,
      },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    return errorResponse("spend", err);
  }
}

function hourFloor(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
}
