import "server-only";
import { chInsert, chQuery } from "@/lib/clickhouse/query";
import { env } from "@/lib/config/env";
import type { EventRow } from "./rows";
import { storedIdIndex } from "./stored-id-index";

/**
 * Group commit: requests queue their rows, one flush every few milliseconds checks ids already
 * stored, inserts the rest in one INSERT, and only then resolves every waiting request. So an
 * acknowledged event is stored, a retried id is never counted twice, and the engine sees few large
 * inserts instead of many small ones. Flushes run one at a time, which makes the id check and the
 * insert atomic within this process (several writer processes need a ClickHouse server; see README).
 */
type Pending = {
  rows: EventRow[];
  resolve: (duplicates: Set<string>) => void;
  reject: (err: unknown) => void;
};

const MAX_ROWS_PER_FLUSH = 50_000;
const ID_CHUNK = 10_000;

class EventWriter {
  private queue: Pending[] = [];
  private queuedRows = 0;
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  /** Resolves with the ids that were already stored (not inserted again) once the rest are stored. */
  write(rows: EventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return Promise.resolve(new Set());
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing) return; // the running flush reschedules when it ends
    if (this.queuedRows >= MAX_ROWS_PER_FLUSH) {
      this.startFlush();
    } else if (!this.timer) {
      this.timer = setTimeout(() => this.startFlush(), env().INGEST_FLUSH_MS);
    }
  }

  private startFlush() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.queue;
    this.queue = [];
    this.queuedRows = 0;
    this.flushing = flush(batch).finally(() => {
      this.flushing = null;
      if (this.queue.length) this.schedule();
    });
  }

  async drain(): Promise<void> {
    while (this.flushing || this.queue.length) {
      if (!this.flushing) this.startFlush();
      await this.flushing;
    }
  }
}

async function flush(batch: Pending[]): Promise<void> {
  try {
    const stored = await storedIds(batch);
    const seen = new Set<string>();
    const toInsert: EventRow[] = [];
    const dupsPer: Set<string>[] = batch.map(() => new Set());
    batch.forEach((p, i) => {
      for (const row of p.rows) {
        const key = `${row.org_id}\u0000${row.event_id}`;
        if (stored.has(key) || seen.has(key)) {
          dupsPer[i].add(row.event_id);
          continue;
        }
        seen.add(key);
        toInsert.push(row);
      }
    });
    // The keys go into the id index before the insert and again once it has ended, however it
    // ended: a filter the loader starts building meanwhile then has them too, and keys of an insert
    // that failed half-way only cost a database check later.
    const index = storedIdIndex();
    const remember = () => {
      if (index) for (const key of seen) index.add(key);
    };
    remember();
    try {
      await chInsert("llm_events", toInsert, { tag: "ingest.insert" });
    } finally {
      remember();
    }
    batch.forEach((p, i) => p.resolve(dupsPer[i]));
  } catch (err) {
    for (const p of batch) p.reject(err);
  }
}

/**
 * org\0id keys among the batch that are live in ClickHouse (sum of signs > 0). Keys the in-memory
 * filter rules out are new for certain; only the rest (about 1% of new ids, plus real retries) are
 * looked up, which keeps the check cheap however many events are stored.
 */
async function storedIds(batch: Pending[]): Promise<Set<string>> {
  const filter = storedIdIndex()?.filter() ?? null;
  const byOrg = new Map<string, string[]>();
  for (const p of batch) for (const r of p.rows) {
    if (filter && !filter.mightContain(`${r.org_id}\u0000${r.event_id}`)) continue;
    let ids = byOrg.get(r.org_id);
    if (!ids) byOrg.set(r.org_id, (ids = []));
    ids.push(r.event_id);
  }
  const out = new Set<string>();
  for (const [org, ids] of byOrg) {
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const chunk = ids.slice(i, i + ID_CHUNK);
      const rows = await chQuery<{ event_id: string }>(
        `SELECT event_id FROM llm_events
         PREWHERE org_id = {org:String} AND id_hash IN (SELECT cityHash64(arrayJoin({ids:Array(String)})))
         WHERE event_id IN {ids:Array(String)}
         GROUP BY event_id HAVING sum(sign) > 0`,
        { tag: "ingest.dedupe", params: { org, ids: chunk } },
      );
      for (const r of rows) out.add(`${org}\u0000${r.event_id}`);
    }
  }
  return out;
}

const KEY = Symbol.for("llm-finops.event-writer");
const g = globalThis as unknown as Record<symbol, EventWriter | undefined>;

export function eventWriter(): EventWriter {
  return (g[KEY] ??= new EventWriter());
}
