import "server-only";
import { compiledOverrides } from "@/lib/pricing/overrides";
import { priceEvent } from "@/lib/pricing/price-event";
import { batchSchema, formatZodIssues } from "./event-schema";
import { normalizeEvent } from "./normalize-event";
import { toEventRow, type EventRow } from "./rows";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import { eventWriter } from "./writer";
import type { NormalizedEvent } from "@/lib/domain/event";

export type EventResult =
  | { index: number; id: string; status: "accepted" | "duplicate" }
  | { index: number; id: string | null; status: "rejected"; errors: string[] };

export type IngestResponse = {
  accepted: number;
  duplicates: number;
  rejected: number;
  results: EventResult[];
};

export class BatchError extends Error {
  constructor(public readonly status: number, message: string, public readonly details: string[] = []) {
    super(message);
  }
}

/** Validates the envelope; a malformed envelope is a 400 and nothing is written. */
export function parseBatch(body: unknown): unknown[] {
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) throw new BatchError(400, "Body must be {\"events\": [ ... ]} with 1 to 1000 events.", formatZodIssues(parsed.error));
  return parsed.data.events;
}

/**
 * Validates, normalizes and prices every event independently, stores the good ones, and answers
 * per event. Resolves only after the insert holding them succeeded.
 */
export async function ingestEvents(orgId: string, apiKeyId: string, rawEvents: unknown[], source = "api"): Promise<IngestResponse> {
  const results: EventResult[] = new Array(rawEvents.length);
  const good: { index: number; event: NormalizedEvent }[] = [];
  const now = Date.now();
  // A batch takes tens of milliseconds to check and price; concurrent batches would hold the thread
  // for hundreds, and a dashboard request arriving meanwhile would wait for all of them.
  const pause = yieldEvery(2);
  for (let index = 0; index < rawEvents.length; index++) {
    const r = normalizeEvent(rawEvents[index], source, now);
    if (r.ok) good.push({ index, event: r.event });
    else results[index] = { index, id: r.id, status: "rejected", errors: r.errors };
    await pause();
  }
  // The first occurrence of an id in a request is the one stored; later ones are duplicates.
  const firstOf = new Map<string, (typeof good)[number]>();
  for (const g of good) {
    if (firstOf.has(g.event.id)) results[g.index] = { index: g.index, id: g.event.id, status: "duplicate" };
    else firstOf.set(g.event.id, g);
  }
  const unique = [...firstOf.values()];
  const overrides = unique.length ? await compiledOverrides(orgId) : [];
  const rows: EventRow[] = [];
  for (const g of unique) {
    rows.push(toEventRow(orgId, apiKeyId, g.event, priceEvent(g.event, overrides)));
    await pause();
  }
  const alreadyStored = await eventWriter().write(rows);
  for (const g of unique) {
    results[g.index] = { index: g.index, id: g.event.id, status: alreadyStored.has(g.event.id) ? "duplicate" : "accepted" };
  }
  let accepted = 0;
  let dups = 0;
  let rejected = 0;
  for (const r of results) {
    if (r.status === "accepted") accepted++;
    else if (r.status === "duplicate") dups++;
    else rejected++;
  }
  return { accepted, duplicates: dups, rejected, results };
}
