/**
 * Renders the table and view definitions as DDL.
 *
 * - Single node (embedded or one server): each table as defined.
 * - Cluster (`CLICKHOUSE_CLUSTER`): each table becomes `<name>_local`, created `ON CLUSTER` with the
 *   Replicated variant of its engine (`{shard}` / `{replica}` macros from the servers' configuration),
 *   plus a `Distributed` table under the plain name that spreads writes by the definition's sharding
 *   key and reads from every shard. Views read and write the local tables, so a row's rollup is made
 *   on the shard that stored it. The product's queries name only the plain names, so the same SQL
 *   serves both.
 */
import type { TableDef, ViewDef } from "./types";

export type SchemaTarget = { cluster: string | null };

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function localName(name: string, target: SchemaTarget): string {
  return target.cluster ? `${name}_local` : name;
}

export function renderTable(def: TableDef, target: SchemaTarget): string[] {
  const cluster = target.cluster;
  if (!cluster) return [createStatement(def.name, "", body(def, true), engineClause(def, null), tail(def))];
  checkIdent(cluster, "CLICKHOUSE_CLUSTER");
  const local = localName(def.name, target);
  const onCluster = ` ON CLUSTER ${cluster}`;
  return [
    createStatement(local, onCluster, body(def, true), engineClause(def, local), tail(def)),
    // Columns only: skipping indexes and projections live on the local tables, where the data is.
    createStatement(def.name, onCluster, body(def, false), `ENGINE = Distributed(${cluster}, currentDatabase(), ${local}, ${def.shardBy})`, ""),
  ];
}

export function renderView(def: ViewDef, target: SchemaTarget): string {
  const onCluster = target.cluster ? ` ON CLUSTER ${target.cluster}` : "";
  const from = localName(def.from, target);
  return `CREATE MATERIALIZED VIEW IF NOT EXISTS ${def.name}${onCluster} TO ${localName(def.to, target)} AS ${def.select(from).trim()}`;
}

/** Every statement that creates the schema from nothing, in order. */
export function renderSchema(tables: TableDef[], views: ViewDef[], target: SchemaTarget): string[] {
  return [...tables.flatMap((t) => renderTable(t, target)), ...views.map((v) => renderView(v, target))];
}

function createStatement(name: string, onCluster: string, columns: string, engine: string, rest: string): string {
  checkIdent(name, "table name");
  return `CREATE TABLE IF NOT EXISTS ${name}${onCluster} (\n  ${columns}\n) ${engine}${rest}`;
}

function body(def: TableDef, withStorage: boolean): string {
  const parts = [...def.columns];
  if (withStorage) {
    parts.push(...(def.indexes ?? []));
    parts.push(...(def.projections ?? []).map((p) => `PROJECTION ${p.name} (${p.select})`));
  }
  return parts.join(",\n  ");
}

function engineClause(def: TableDef, replicatedAs: string | null): string {
  const args = [...(def.engine.args ?? [])];
  if (!replicatedAs) return `ENGINE = ${def.engine.family}${args.length ? `(${args.join(", ")})` : ""}`;
  const zkPath = `'/clickhouse/tables/{shard}/{database}/${replicatedAs}'`;
  return `ENGINE = Replicated${def.engine.family}(${[zkPath, "'{replica}'", ...args].join(", ")})`;
}

function tail(def: TableDef): string {
  const lines: string[] = [];
  if (def.partitionBy) lines.push(`PARTITION BY ${def.partitionBy}`);
  lines.push(`ORDER BY (${def.orderBy.join(", ")})`);
  if (def.ttl) lines.push(`TTL ${def.ttl}`);
  const settings = Object.entries(def.settings ?? {});
  if (settings.length) lines.push(`SETTINGS ${settings.map(([k, v]) => `${k} = ${v}`).join(", ")}`);
  return lines.map((l) => `\n${l}`).join("");
}

function checkIdent(name: string, what: string): void {
  if (!IDENT.test(name)) throw new Error(`${what}: expected letters, digits and underscores, got ${JSON.stringify(name)}`);
}
