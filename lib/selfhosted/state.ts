/** Reads a collector cursor back into typed state; anything unexpected starts fresh rather than failing. */
import { z } from "zod";
import type { ScrapeState } from "./types";

const scrapeStateSchema = z.object({
  lastTsMs: z.number().nullable(),
  counters: z.record(z.string(), z.record(z.string(), z.number())),
});

export function scrapeState(cursor: unknown): ScrapeState {
  const p = scrapeStateSchema.safeParse(cursor);
  return p.success ? p.data : { lastTsMs: null, counters: {} };
}

const apiCursorSchema = z.object({ startMs: z.number(), endMs: z.number(), state: scrapeStateSchema });
export type ApiCursor = z.infer<typeof apiCursorSchema>;

export function apiCursor(cursor: unknown): ApiCursor | null {
  const p = apiCursorSchema.safeParse(cursor);
  return p.success ? p.data : null;
}
