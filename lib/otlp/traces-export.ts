import "server-only";
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { getMapping } from "./mapping-store";
import type { ExportResult } from "./codec";
import { attributes, isObj, list } from "./otlp-values";
import { spanToEvent, USAGE_FIELD_ATTRIBUTE } from "./span-to-event";

export type SpanBatch = { events: Record<string, unknown>[]; rejected: { id: string; errors: string[] }[]; spans: number };

/** Walks ExportTraceServiceRequest (either encoding) into ledger events; non-GenAI spans are skipped. */
export function collectSpans(request: Record<string, unknown>, mapping: Parameters<typeof spanToEvent>[2]): SpanBatch {
  const out: SpanBatch = { events: [], rejected: [], spans: 0 };
  for (const rs of list(request.resourceSpans)) {
    if (!isObj(rs)) continue;
    const resource = attributes(isObj(rs.resource) ? rs.resource.attributes : undefined);
    for (const ss of list(rs.scopeSpans)) {
      if (!isObj(ss)) continue;
      for (const span of list(ss.spans)) {
        out.spans++;
        const r = spanToEvent(span, resource, mapping);
        if (r.kind === "event") out.events.push(r.event);
        else if (r.kind === "rejected") out.rejected.push({ id: r.id, errors: r.errors });
      }
    }
  }
  return out;
}

/** How many rejected spans the message describes one by one; the rest are counted. */
const DESCRIBED = 5;

export function rejectionMessage(rejected: { id: string; errors: string[] }[]): string {
  if (!rejected.length) return "";
  const parts = rejected.slice(0, DESCRIBED).map((r) => `span ${r.id}: ${r.errors.map(attributeNames).join("; ")}`);
  const more = rejected.length > DESCRIBED ? ` (and ${rejected.length - DESCRIBED} more)` : "";
  return `${rejected.length} GenAI span(s) rejected${more}. ${parts.join(" | ")}`;
}

function attributeNames(message: string): string {
  let m = message;
  for (const [field, attr] of USAGE_FIELD_ATTRIBUTE) m = m.split(field).join(attr);
  return m;
}

/** Stores the GenAI spans of one request through the ledger; throws when the store failed (nothing acknowledged). */
export async function exportSpans(orgId: string, keyId: string, batch: SpanBatch): Promise<ExportResult> {
  const rejected = [...batch.rejected];
  if (batch.events.length) {
    const r = await ingestEvents(orgId, keyId, batch.events, "otlp");
    for (const e of r.results) if (e.status === "rejected") rejected.push({ id: e.id ?? String(batch.events[e.index].id), errors: e.errors });
  }
  return { rejected: rejected.length, errorMessage: rejectionMessage(rejected) };
}

export { getMapping };
