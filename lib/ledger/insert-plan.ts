/**
 * How rows for llm_events are cut into INSERTs. The table is partitioned by month and ClickHouse
 * refuses an INSERT whose rows touch more than 100 partitions (max_partitions_per_insert_block), so
 * a backfill of any span, or two backfills that meet in one group commit, is written as several
 * INSERTs of at most `maxPartitions` months each. A group of rows (a re-cost's cancelling row and
 * its new version) always lands in one INSERT; since its rows share a month they share a part, which
 * ClickHouse commits whole. Pure: no I/O.
 */
export type TimedRow = { ts: string };

/** Rows per INSERT: far below max_insert_block_size (about 1M), so one INSERT is one block. */
export const MAX_ROWS_PER_INSERT = 50_000;
/**
 * Rows per INSERT with the embedded engine, which runs one statement at a time: a dashboard read
 * arriving mid-insert waits for at most this many rows (engine-turns.ts lets it go before the next).
 * While nobody reads, pieces are merged up to EMBEDDED_INSERT_ROWS, since each INSERT has a fixed
 * cost of tens of ms; while dashboards are being read, a read waits for at most one small piece.
 */
export const EMBEDDED_INSERT_ROWS = 10_000;
export const EMBEDDED_INSERT_ROWS_WHILE_READ = 2_000;
/** Months per INSERT for ingest: well under the engine's 100, and few parts per INSERT. */
export const MAX_PARTITIONS_PER_INSERT = 24;

/** "YYYY-MM" of a row's ClickHouse time text ("YYYY-MM-DD hh:mm:ss.sss"), its partition. */
export function monthOf(row: TimedRow): string {
  return row.ts.slice(0, 7);
}

export function planInserts<R extends TimedRow>(groups: R[][], maxPartitions = MAX_PARTITIONS_PER_INSERT, maxRows = MAX_ROWS_PER_INSERT): R[][] {
  if (maxPartitions < 1 || maxRows < 1) throw new Error("planInserts: limits must be positive");
  const byMonth = new Map<string, R[][]>();
  for (const group of groups) {
    if (group.length === 0) continue;
    const month = monthOf(group[0]);
    if (group.some((r) => monthOf(r) !== month)) throw new Error(`planInserts: a group spans months (${group.map(monthOf).join(", ")})`);
    let list = byMonth.get(month);
    if (!list) byMonth.set(month, (list = []));
    list.push(group);
  }
  const inserts: R[][] = [];
  let current: R[] = [];
  let months = 0;
  const cut = () => {
    if (current.length) inserts.push(current);
    current = [];
    months = 0;
  };
  for (const list of byMonth.values()) {
    if (months === maxPartitions) cut();
    months++;
    for (const group of list) {
      if (current.length > 0 && current.length + group.length > maxRows) {
        cut();
        months = 1;
      }
      for (const r of group) current.push(r);
    }
  }
  cut();
  return inserts;
}

/**
 * The next INSERT from planned pieces: pieces[from] and as many following ones as fit in `maxRows`
 * rows and `maxPartitions` months, so a write can be cut small while readers wait and large when
 * none do, deciding piece by piece. Pieces are never split: a group stays in one INSERT.
 */
export function takeInsert<R extends TimedRow>(pieces: R[][], from: number, maxRows: number, maxPartitions = MAX_PARTITIONS_PER_INSERT): { rows: R[]; next: number } {
  const months = new Set(pieces[from].map(monthOf));
  let rows = pieces[from];
  let next = from + 1;
  for (; next < pieces.length; next++) {
    const piece = pieces[next];
    if (rows.length + piece.length > maxRows) break;
    const added = piece.map(monthOf).filter((m) => !months.has(m));
    if (months.size + new Set(added).size > maxPartitions) break;
    for (const m of added) months.add(m);
    rows = rows.concat(piece);
  }
  return { rows, next };
}
