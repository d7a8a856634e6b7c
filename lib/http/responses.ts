import "server-only";
import { HttpError } from "./body";

/**
 * A JSON answer as plain data: what a route handler turns into a web Response, and what a fast route
 * (fast-routes.ts) writes straight to the socket without building one.
 */
export type JsonAnswer = { status: number; body: unknown; headers: Record<string, string> };

const NO_STORE = { "cache-control": "no-store" } as const;

export function toResponse(a: JsonAnswer): Response {
  return Response.json(a.body, { status: a.status, headers: a.headers });
}

export function jsonErrorAnswer(status: number, error: string, details: string[] = []): JsonAnswer {
  return { status, body: details.length ? { error, details } : { error }, headers: { ...NO_STORE } };
}

export function jsonError(status: number, error: string, details: string[] = []): Response {
  return toResponse(jsonErrorAnswer(status, error, details));
}

/**
 * The last line of every route handler: known errors keep their status and message; anything else
 * is logged with the route's name and answered 500 without internals.
 */
export function errorAnswer(route: string, err: unknown): JsonAnswer {
  if (err instanceof HttpError) return jsonErrorAnswer(err.status, err.message, err.details);
  console.error(`[${route}]`, err);
  return jsonErrorAnswer(500, "Internal error; the server log has the details.");
}

export function errorResponse(route: string, err: unknown): Response {
  return toResponse(errorAnswer(route, err));
}
