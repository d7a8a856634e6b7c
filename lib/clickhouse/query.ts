import "server-only";
import { embeddedConnection, getClickhouse } from "./client";
import { env, isEmbedded } from "@/lib/config/env";
import { afterReads, asRead } from "./engine-turns";
import { noteLedgerWrite } from "./ledger-generation";

export type QueryParams = Record<string, unknown>;

export type QueryOptions = {
  /** Names the caller; shows up in system.query_log as log_comment. */
  tag: string;
  /** Values bound as {name:Type}; never interpolated into SQL. */
  params?: QueryParams;
  timeoutSeconds?: number;
  /**
   * A query no request waits for (a periodic refresh): run on one engine thread so the other core
   * stays with the thread that answers requests. On two cores the engine's default of one thread
   * per core starved request handling for the length of the query. In embedded mode it also lets
   * reads that someone waits for go first, as writes do (engine-turns.ts).
   */
  background?: boolean;
  /**
   * A write to a table that no spend answer reads (collectors' samples): caches of spend answers keyed
   * on ledgerGeneration stay valid. Left unset, every write counts, which is only ever a cache miss.
   */
  ledgerUnchanged?: boolean;
  /** A lookup the write path makes before writing (duplicate ids): it goes first, but nobody is reading a dashboard. */
  forWrite?: boolean;
};

/**
 * Every read goes through here (never a write: chCommand and chInsert count writes for the caches
 * keyed on ledgerGeneration): bound parameters, an execution time limit (a runaway query inside the
 * embedded engine cannot be interrupted from JS) and a memory cap.
 */
export async function chQuery<T>(sql: string, opts: QueryOptions): Promise<T[]> {
  const run = async () => {
    const rs = await getClickhouse().query({
      query: sql,
      query_params: opts.params,
      format: "JSONEachRow",
      clickhouse_settings: settings(opts),
    });
    return (await rs.json()) as T[];
  };
  if (!isEmbedded()) return run();
  return opts.background ? afterReads(run) : asRead(run, opts.forWrite);
}

/** In embedded mode writes let waiting reads go first (engine-turns.ts); a server runs them side by side. */
const write = <T>(run: () => Promise<T>) => (isEmbedded() ? afterReads(run) : run());

/** DDL and mutations. */
export async function chCommand(sql: string, opts: QueryOptions): Promise<void> {
  try {
    await write(() => getClickhouse().command({ query: sql, query_params: opts.params, clickhouse_settings: settings(opts) }));
  } finally {
    if (!opts.ledgerUnchanged) noteLedgerWrite();
  }
}

/**
 * Rows sharing one shape (the first row's keys name the columns). Sent as JSONCompactEachRow: the
 * engine parses positional arrays about 20% faster than keyed objects, and times must already be in
 * ClickHouse's basic "YYYY-MM-DD hh:mm:ss.sss" form (best-effort parsing halves the insert rate).
 */
export async function chInsert<T extends object>(table: string, rows: T[], opts: QueryOptions): Promise<void> {
  if (rows.length === 0) return;
  try {
    await write(() => insertRows(table, rows, opts));
  } finally {
    if (!opts.ledgerUnchanged) noteLedgerWrite();
  }
}

async function insertRows<T extends object>(table: string, rows: T[], opts: QueryOptions): Promise<void> {
  const columns = Object.keys(rows[0]) as (keyof T & string)[];
  const chdb = embeddedConnection();
  if (chdb && env().EMBEDDED_INSERT_PATH === "native") {
    // chdb's own insert: the rows go to the engine as one buffer after a short INSERT prefix. Through
    // the client's connection they went inline in the SQL text, behind the settings as SET statements,
    // and the engine read the whole body as part of a multi-statement query: 25,500 product rows/s
    // there against 34,000 here (lib/bench/insert-anatomy.ts). Same format, same row text.
    let body = "";
    for (const r of rows) body += JSON.stringify(columns.map((c) => r[c])) + "\n";
    const { max_execution_time, max_memory_usage, log_comment } = settings(opts);
    await chdb.chdb.rawInsert({
      table,
      columns,
      values: Buffer.from(body),
      format: "JSONCompactEachRow",
      settings: { max_execution_time, max_memory_usage, log_comment, input_format_parallel_parsing: 0 },
    });
    return;
  }
  await getClickhouse().insert({
    table,
    columns: columns as unknown as [string, ...string[]],
    values: rows.map((r) => columns.map((c) => r[c])),
    format: "JSONCompactEachRow",
    // Parallel parsing pays off for inserts far larger than a flush; for these it cost ~25%.
    clickhouse_settings: { ...settings(opts), input_format_parallel_parsing: 0 },
  });
}

function settings(opts: QueryOptions) {
  return {
    max_execution_time: opts.timeoutSeconds ?? env().QUERY_TIMEOUT_SECONDS,
    max_memory_usage: "8000000000",
    log_comment: opts.tag,
    output_format_json_quote_64bit_integers: 1,
    // Always said, never left out: the embedded connection applies settings as session-wide SET
    // statements, so a background query's 1 would otherwise stay for every query after it. 0 = auto.
    max_threads: opts.background ? 1 : 0,
  } as const;
}
