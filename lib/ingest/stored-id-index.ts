import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { isEmbedded } from "@/lib/config/env";
import { IdFilter } from "./id-filter";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * Which event ids might already be stored, answered from memory. Only in embedded mode: there the
 * engine admits this one process, so every stored id was either stored before the filter was built
 * (and is read by the loader) or inserted by this process's writer afterwards (and added by it).
 * With a ClickHouse server other processes insert too, so the writer always asks the database.
 */
const PAGE = 500_000;
const MIN_CAPACITY = 4_000_000;

type Key = { org: string; id: string };

export class StoredIdIndex {
  private ready: IdFilter | null = null;
  private building: IdFilter | null = null;

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** Null until the first load finishes: callers then check every id in the database. */
  filter(): IdFilter | null {
    return this.ready;
  }

  /** The writer calls this for every id it stores, before answering. */
  add(key: string): void {
    this.ready?.add(key);
    this.building?.add(key);
    if (this.ready?.overfull && !this.building) void this.load();
  }

  /** Builds a filter from every stored id; a larger one again when the current one fills up. */
  async load(): Promise<void> {
    if (this.building) return;
    const [{ n }] = await chQuery<{ n: string }>(`SELECT count() AS n FROM ${LLM_EVENTS} WHERE sign = 1`, { tag: "ingest.id_index.count" });
    const capacity = Math.max(MIN_CAPACITY, Number(n) * 2);
    const filter = new IdFilter(capacity);
    this.building = filter; // from here the writer adds to it too
    const t0 = Date.now();
    try {
      let after: Key | null = null;
      for (;;) {
        const rows: { org_id: string; event_id: string }[] = await chQuery(
          `SELECT org_id, event_id FROM ${LLM_EVENTS}
           WHERE sign = 1 ${after ? "AND (org_id, event_id) > ({org:String}, {id:String})" : ""}
           ORDER BY org_id, event_id
           LIMIT ${PAGE}`,
          { tag: "ingest.id_index.load", params: after ? { org: after.org, id: after.id } : {}, timeoutSeconds: 300 },
        );
        for (const r of rows) filter.add(`${r.org_id}\u0000${r.event_id}`);
        if (rows.length < PAGE) break;
        const last = rows[rows.length - 1];
        after = { org: last.org_id, id: last.event_id };
      }
      this.ready = filter;
      this.log(`id index: ${filter.count.toLocaleString("en-US")} stored ids in ${((Date.now() - t0) / 1000).toFixed(1)} s (capacity ${capacity.toLocaleString("en-US")})`);
    } finally {
      this.building = null;
    }
  }
}

const KEY = Symbol.for("llm-finops.stored-id-index");
const g = globalThis as unknown as Record<symbol, StoredIdIndex | null | undefined>;

/** The process's index, loading in the background on first use; null with a ClickHouse server. */
export function storedIdIndex(): StoredIdIndex | null {
  if (g[KEY] !== undefined) return g[KEY];
  if (!isEmbedded()) return (g[KEY] = null);
  const index = new StoredIdIndex((line) => console.log(`[ingest] ${line}`));
  g[KEY] = index;
  index.load().catch((err) => console.error("[ingest] id index failed to load; ids are checked in the database", err));
  return index;
}
