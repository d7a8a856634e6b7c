import { CLICKHOUSE_NATIVE_PORT, CLUSTER, KEEPER_CLIENT_PORT, KEEPER_RAFT_PORT, KEEPERS, clickhouseNodes, keeperName, range, type ClickhouseNode } from "./topology";

/**
 * The ClickHouse and Keeper server configuration files of the cluster deployment, as XML under
 * `config.d/`. Secrets are never written here: the servers read them from their environment
 * (`from_env`), which docker-compose fills from the operator's .env file.
 */

/** Every server's view of the cluster: its shards and replicas, Keeper, and distributed DDL. */
export function clusterXml(): string {
  const nodes = clickhouseNodes();
  const shards = [...new Set(nodes.map((n) => n.shard))].map((s) => {
    const replicas = nodes
      .filter((n) => n.shard === s)
      .map((n) => `        <replica><host>${n.name}</host><port>${CLICKHOUSE_NATIVE_PORT}</port></replica>`)
      .join("\n");
    // internal_replication: a Distributed insert writes one replica and Replicated* copies it, instead
    // of the Distributed table writing every replica itself (which can leave them different).
    return `      <shard>\n        <internal_replication>true</internal_replication>\n${replicas}\n      </shard>`;
  });
  const keepers = range(KEEPERS).map((id) => `    <node><host>${keeperName(id)}</host><port>${KEEPER_CLIENT_PORT}</port></node>`);
  return `<clickhouse>
  <listen_host>0.0.0.0</listen_host>
  <remote_servers>
    <${CLUSTER}>
      <secret from_env="CLICKHOUSE_CLUSTER_SECRET"/>
${shards.join("\n")}
    </${CLUSTER}>
  </remote_servers>
  <zookeeper>
${keepers.join("\n")}
  </zookeeper>
  <distributed_ddl>
    <path>/clickhouse/task_queue/ddl</path>
  </distributed_ddl>
</clickhouse>
`;
}

/** The macros the Replicated* engines' Keeper paths use (lib/clickhouse/schema/render.ts). */
export function macrosXml(node: ClickhouseNode): string {
  return `<clickhouse>
  <macros>
    <shard>${String(node.shard).padStart(2, "0")}</shard>
    <replica>${node.name}</replica>
  </macros>
</clickhouse>
`;
}

/** One Keeper node of the Raft ensemble. */
export function keeperXml(id: number): string {
  const servers = range(KEEPERS).map((k) => `      <server><id>${k}</id><hostname>${keeperName(k)}</hostname><port>${KEEPER_RAFT_PORT}</port></server>`);
  return `<clickhouse>
  <listen_host>0.0.0.0</listen_host>
  <logger>
    <level>information</level>
    <console>1</console>
  </logger>
  <keeper_server>
    <tcp_port>${KEEPER_CLIENT_PORT}</tcp_port>
    <server_id>${id}</server_id>
    <log_storage_path>/var/lib/clickhouse-keeper/log</log_storage_path>
    <snapshot_storage_path>/var/lib/clickhouse-keeper/snapshots</snapshot_storage_path>
    <coordination_settings>
      <operation_timeout_ms>10000</operation_timeout_ms>
      <session_timeout_ms>30000</session_timeout_ms>
    </coordination_settings>
    <raft_configuration>
${servers.join("\n")}
    </raft_configuration>
  </keeper_server>
</clickhouse>
`;
}
