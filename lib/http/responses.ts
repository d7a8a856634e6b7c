import "server-only";
import { HttpError } from "./body";

export function jsonError(status: number, error: string, details: string[] = []): Response {
  return Response.json(details.length ? { error, details } : { error }, { status, headers: { "cache-control": "no-store" } });
}

/**
 * The last line of every route handler: known errors keep their status and message; anything else
 * is logged with the route's name and answered 500 without internals.
 */
export function errorResponse(route: string, err: unknown): Response {
  if (err instanceof HttpError) return jsonError(err.status, err.message, err.details);
  console.error(`[${route}]`, err);
  return jsonError(500, "Internal error; the server log has the details.");
}
