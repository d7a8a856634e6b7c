import "server-only";
import type { Collector, SourceType } from "@/lib/source-contract/collector";
import { anthropicCollector, openaiCollector } from "@/lib/provider-billing/collectors";
import { prometheusApiCollector, prometheusScrapeCollector } from "@/lib/selfhosted/collectors";

/**
 * The collectors this build ships, one per source type. A type without a collector is refused at
 * creation ("no collector for 'x' is installed") rather than accepted and never run.
 */
const STATIC_COLLECTORS: Collector[] = [openaiCollector, anthropicCollector, prometheusScrapeCollector, prometheusApiCollector];

const KEY = Symbol.for("llm-finops.collectors");
const store = globalThis as unknown as Record<symbol, Map<string, Collector> | undefined>;

// Kept on globalThis so the route handlers and the worker loop (different Next.js module graphs in one
// process) see the same registrations.
function registry(): Map<string, Collector> {
  let map = store[KEY];
  if (!map) {
    map = new Map(STATIC_COLLECTORS.map((c) => [c.type, c]));
    store[KEY] = map;
  }
  return map;
}

/** Installs (or replaces) the collector for its type; tests register their own collectors this way. */
export function registerCollector(c: Collector): void {
  registry().set(c.type, c);
}

/** Removes a type's collector (tests). */
export function unregisterCollector(type: SourceType): void {
  registry().delete(type);
}

export function collectorFor(type: string): Collector | null {
  return registry().get(type) ?? null;
}

export function installedTypes(): SourceType[] {
  return [...registry().keys()] as SourceType[];
}
