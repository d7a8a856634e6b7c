import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { env } from "@/lib/config/env";
import { writeLedgerRows } from "@/lib/ledger/write-events";
import type { EventRow } from "./rows";
import { storedIdIndex } from "./stored-id-index";
import { withIdLocks } from "./id-locks";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";

/**
 * Group commit: requests queue their rows, one flush every few milliseconds checks ids already
 * stored, inserts the rest, and only then resolves every waiting request. So an acknowledged event
 * is stored, a retried id is never counted twice, and the engine sees few large inserts instead of
 * many small ones. Flushes run one at a time, which makes the id check and the insert atomic within
 * this process; across the processes of a ClickHouse server deployment, id-locks.ts makes them so.
 *
 * Requests of every organization share a flush, so one request must never fail another: when a
 * flush's write fails, the ledger has already made the rollup match whatever part of it was stored,
 * and the flush is retried in halves until the request that fails alone is found. Only that request
 * gets the error; the others are answered as if nothing had happened.
 */
type Pending = {
  rows: EventRow[];
  resolve: (duplicates: Set<string>) => void;
  reject: (err: unknown) => void;
};

const MAX_ROWS_PER_FLUSH = 50_000;
const ID_CHUNK = 10_000;
const URL_PARAM_BYTES = 256 * 1024;

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
    this.flushing = new Flush(batch).run().finally(() => {
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

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);
const keyOf = (r: EventRow) => `${r.org_id}\u0000${r.event_id}`;

/** One group commit: tries every request together, then halves of a failing set. */
class Flush {
  /** Keys known to be stored, with the request of this flush that stored them (-1: stored before). */
  private readonly stored = new Map<string, number>();
  /** The last request whose failed write tried a key: if the key turns out stored, it stored it. */
  private readonly tried = new Map<string, number>();

  constructor(private readonly batch: Pending[]) {}

  async run(): Promise<void> {
    await this.attempt(this.batch.map((_, i) => i));
  }

  private async attempt(group: number[]): Promise<void> {
    const owner = new Map<string, number>();
    try {
      const candidates = group.flatMap((i) => this.batch[i].rows.filter((r) => !this.stored.has(keyOf(r))));
      await withIdLocks(new Set(candidates.map((r) => r.org_id)), async () => {
        for (const key of await storedIds(candidates)) this.stored.set(key, this.tried.get(key) ?? -1);
        const toInsert: EventRow[] = [];
        for (const i of group) {
          for (const row of this.batch[i].rows) {
            const key = keyOf(row);
            if (this.stored.has(key) || owner.has(key)) continue;
            owner.set(key, i);
            toInsert.push(row);
          }
        }
        await insertRemembered(owner, toInsert);
      });
      for (const [key, i] of owner) this.stored.set(key, i);
    } catch (err) {
      for (const [key, i] of owner) this.tried.set(key, i);
      if (group.length === 1) {
        console.error(`[ingest] a request of ${this.batch[group[0]].rows.length} events could not be stored; it alone gets the error: ${message(err)}`);
        this.batch[group[0]].reject(err);
        return;
      }
      if (group.length === this.batch.length) console.error(`[ingest] a flush of ${group.length} requests failed; retrying it without the failing request: ${message(err)}`);
      // Not knowing which request caused it, retry each half; what did get stored is found by the
      // id check of the next attempt and credited to the request that tried it.
      const mid = group.length >> 1;
      await this.attempt(group.slice(0, mid));
      await this.attempt(group.slice(mid));
      return;
    }
    for (const i of group) {
      const dups = new Set<string>();
      for (const row of this.batch[i].rows) if (this.stored.get(keyOf(row)) !== i) dups.add(row.event_id);
      this.batch[i].resolve(dups);
    }
  }
}

/**
 * The keys go into the id index before the insert and again once it has ended, however it ended:
 * a filter the loader starts building meanwhile then has them too, and keys of an insert that failed
 * (stored or not) only cost a database check later. The index may say "might contain" for an id
 * never stored, never "absent" for a stored one.
 */
async function insertRemembered(keys: Map<string, number>, rows: EventRow[]): Promise<void> {
  const index = storedIdIndex();
  const remember = () => {
    if (index) for (const key of keys.keys()) index.add(key);
  };
  remember();
  try {
    await writeLedgerRows(
      rows.map((r) => [r]),
      { tag: "ingest.insert" },
    );
  } finally {
    remember();
  }
}

/**
 * org\0id keys among the rows that are live in ClickHouse (sum of signs > 0). Keys the in-memory
 * filter rules out are new for certain; only the rest (about 1% of new ids, plus real retries) are
 * looked up, which keeps the check cheap however many events are stored.
 */
async function storedIds(rows: EventRow[]): Promise<Set<string>> {
  const filter = storedIdIndex()?.filter() ?? null;
  const byOrg = new Map<string, string[]>();
  for (const r of rows) {
    if (filter && !filter.mightContain(keyOf(r))) continue;
    let ids = byOrg.get(r.org_id);
    if (!ids) byOrg.set(r.org_id, (ids = []));
    ids.push(r.event_id);
  }
  const out = new Set<string>();
  for (const [org, ids] of byOrg) {
    for (const chunk of urlSizedChunks(ids)) {
      const rows = await chQuery<{ event_id: string }>(
        `SELECT event_id FROM ${LLM_EVENTS}
         PREWHERE org_id = {org:String} AND id_hash IN (SELECT cityHash64(arrayJoin({ids:Array(String)})))
         WHERE event_id IN {ids:Array(String)}
         GROUP BY event_id HAVING sum(sign) > 0`,
        { tag: "ingest.dedupe", params: { org, ids: chunk }, forWrite: true },
      );
      for (const r of rows) out.add(`${org}\u0000${r.event_id}`);
    }
  }
  return out;
}

/**
 * Bound parameters travel in the request's URL, which a ClickHouse server caps (http_max_uri_size,
 * 1 MiB by default): ids go in chunks of at most ID_CHUNK ids and about 256 KiB once URL-encoded
 * (3 bytes per character at worst), so even 256-character ids stay far below the cap.
 */
function urlSizedChunks(ids: string[]): string[][] {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let bytes = 0;
  for (const id of ids) {
    const size = id.length * 3 + 8;
    if (chunk.length && (chunk.length >= ID_CHUNK || bytes + size > URL_PARAM_BYTES)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(id);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

const KEY = Symbol.for("llm-finops.event-writer");
const g = globalThis as unknown as Record<symbol, EventWriter | undefined>;

export function eventWriter(): EventWriter {
  return (g[KEY] ??= new EventWriter());
}
