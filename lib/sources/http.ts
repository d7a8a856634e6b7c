import "server-only";
import { authed, noStore, notFound, validBody } from "@/lib/delivery/http-common";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { createSourceSchema, patchSourceSchema } from "./input";
import { createSource, deleteSource, getSource, listSources, patchSource, runSourceNow, type Done } from "./sources";
import type { SourceView } from "./view";

/**
 * /api/v1/sources. Reading needs the manage scope too: a source's config names infrastructure (base
 * URLs, projects, scrape targets) a read-only dashboard key has no business seeing.
 */
const answer = (r: Done<SourceView>, status = 200) =>
  r.ok ? Response.json({ source: r.value }, { status, ...noStore }) : jsonError(r.status, r.error, r.details);

export async function handleListSources(req: Request): Promise<Response> {
  const a = await authed(req, "manage", "sources.view");
  if (a instanceof Response) return a;
  try {
    return Response.json({ sources: await listSources(a.orgId) }, noStore);
  } catch (err) {
    return errorResponse("sources.list", err);
  }
}

export async function handleCreateSource(req: Request): Promise<Response> {
  const a = await authed(req, "manage", "sources.manage");
  if (a instanceof Response) return a;
  try {
    return answer(await createSource(a.orgId, a.actor, await validBody(req, createSourceSchema)), 201);
  } catch (err) {
    return errorResponse("sources.create", err);
  }
}

export async function handleGetSource(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "sources.view");
  if (a instanceof Response) return a;
  try {
    const source = await getSource(a.orgId, id);
    return source ? Response.json({ source }, noStore) : notFound("source", id);
  } catch (err) {
    return errorResponse("sources.get", err);
  }
}

export async function handlePatchSource(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "sources.manage");
  if (a instanceof Response) return a;
  try {
    return answer(await patchSource(a.orgId, a.actor, id, await validBody(req, patchSourceSchema)));
  } catch (err) {
    return errorResponse("sources.patch", err);
  }
}

export async function handleDeleteSource(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "sources.manage");
  if (a instanceof Response) return a;
  try {
    return (await deleteSource(a.orgId, a.actor, id)) ? new Response(null, { status: 204 }) : notFound("source", id);
  } catch (err) {
    return errorResponse("sources.delete", err);
  }
}

/** POST /api/v1/sources/{id}/run: 202, the run starts at the next worker pass (within about a second). */
export async function handleRunSource(req: Request, id: string): Promise<Response> {
  const a = await authed(req, "manage", "sources.manage");
  if (a instanceof Response) return a;
  try {
    return answer(await runSourceNow(a.orgId, a.actor, id), 202);
  } catch (err) {
    return errorResponse("sources.run", err);
  }
}
