/**
 * The shape of a ClickHouse table or materialized view, written once and rendered for a single node
 * (embedded or one server) or for a cluster (see render.ts). Column, index and projection entries are
 * ClickHouse's own DDL fragments, so a definition reads like the statement it becomes.
 */
export type EngineFamily =
  | "MergeTree"
  | "SummingMergeTree"
  | "ReplacingMergeTree"
  | "CollapsingMergeTree"
  | "VersionedCollapsingMergeTree";

export type TableDef = {
  name: string;
  /** "name Type [DEFAULT|MATERIALIZED expr]", in the table's column order. */
  columns: string[];
  /** "INDEX name expr TYPE t GRANULARITY n". */
  indexes?: string[];
  /** Aggregate or reordering projections: the SELECT inside PROJECTION name (...). */
  projections?: { name: string; select: string }[];
  engine: { family: EngineFamily; args?: string[] };
  partitionBy?: string;
  orderBy: string[];
  ttl?: string;
  settings?: Record<string, string | number>;
  /**
   * On a cluster, the Distributed table's sharding key. Rows that must fold together (a re-cost's
   * cancelling row and its new version; a re-pulled bucket and the one it replaces) must hash alike.
   */
  shardBy: string;
};

export type ViewDef = {
  name: string;
  /** The table the view writes to, and the table it reads inserts from. */
  to: string;
  from: string;
  /** The view's SELECT over `from` (given as the name to read: the local table on a cluster). */
  select: (from: string) => string;
};
