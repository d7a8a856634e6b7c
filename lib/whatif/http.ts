import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { readJsonBody } from "@/lib/http/body";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { replayScenario, replayWindow } from "./replay";
import { parseScenario } from "./schema";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * POST /api/v1/whatif: an API key with the read scope (a replay changes nothing), or a signed-in user
 * whose role has whatif.run. Answers the ReplayResult of lib/whatif-contract/scenario.ts.
 */
export async function handleWhatif(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "whatif.run");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  try {
    const parsed = parseScenario(await readJsonBody(req, MAX_BODY_BYTES));
    if (!parsed.ok) return jsonError(400, "Invalid scenario.", parsed.errors);
    const result = await replayScenario(auth.principal.orgId, parsed.scenario);
    // Like the read API, the answer says which whole hours it covered.
    const w = replayWindow(parsed.scenario);
    return Response.json({ from: new Date(w.fromMs).toISOString(), to: new Date(w.toMs).toISOString(), ...result }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse("whatif", err);
  }
}
