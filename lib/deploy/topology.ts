/**
 * The cluster deployment of docker-compose.yml: ClickHouse with two shards of two replicas
 * coordinated by three Keeper nodes, PostgreSQL for configuration, two web servers behind a load
 * balancer, and N worker processes. One place names every node, so the servers' configuration,
 * the compose file and the tables' ON CLUSTER DDL (CLICKHOUSE_CLUSTER) agree by construction.
 */
export const CLUSTER = "finops";
export const SHARDS = 2;
export const REPLICAS = 2;
export const KEEPERS = 3;
export const WEB_SERVERS = 2;

export const KEEPER_CLIENT_PORT = 9181;
export const KEEPER_RAFT_PORT = 9234;
export const CLICKHOUSE_HTTP_PORT = 8123;
export const CLICKHOUSE_NATIVE_PORT = 9000;
export const WEB_PORT = 3000;

export type ClickhouseNode = { name: string; shard: number; replica: number };

export const keeperName = (id: number) => `keeper-${id}`;
export const webName = (i: number) => `web-${i}`;

export function clickhouseNodes(): ClickhouseNode[] {
  const nodes: ClickhouseNode[] = [];
  for (let shard = 1; shard <= SHARDS; shard++) {
    for (let replica = 1; replica <= REPLICAS; replica++) nodes.push({ name: `clickhouse-s${shard}-r${replica}`, shard, replica });
  }
  return nodes;
}

export const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
