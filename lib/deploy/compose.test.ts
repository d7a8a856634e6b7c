import { strict as assert } from "node:assert";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parse } from "yaml";
import { renderSchema } from "@/lib/clickhouse/schema/render";
import { TABLES, VIEWS } from "@/lib/clickhouse/schema";
import { COMPOSE_FILE, composeDocument, renderComposeFile } from "./compose";
import { clusterXml, keeperXml, macrosXml } from "./clickhouse-config";
import { CLUSTER, KEEPERS, REPLICAS, SHARDS, clickhouseNodes, range } from "./topology";

/**
 * docker-compose.yml cannot be started on these machines (no Docker); what can be checked is that
 * it is the generator's output, that it hangs together, and that the servers' configuration matches
 * the DDL the product renders for CLICKHOUSE_CLUSTER (which schema.test.ts parses with the engine).
 */
const root = path.resolve(import.meta.dirname, "..", "..");
type Service = { image?: string; depends_on?: string[] | Record<string, unknown>; configs?: { source: string }[]; volumes?: string[]; environment?: Record<string, string> };
type Compose = { services: Record<string, Service>; configs: Record<string, { content: string }>; volumes: Record<string, unknown> };

test("the committed docker-compose.yml is the generator's output (npm run deploy:render)", () => {
  assert.equal(fs.readFileSync(path.join(root, COMPOSE_FILE), "utf8"), renderComposeFile());
});

test("every service's dependencies, configs and named volumes exist", () => {
  const doc = parse(renderComposeFile()) as Compose;
  assert.deepEqual(doc, JSON.parse(JSON.stringify(composeDocument())), "the YAML reads back as the document");
  for (const [name, s] of Object.entries(doc.services)) {
    const deps = Array.isArray(s.depends_on) ? s.depends_on : Object.keys(s.depends_on ?? {});
    for (const d of deps) assert.ok(doc.services[d], `${name} depends on ${d}, which is not a service`);
    for (const c of s.configs ?? []) assert.ok(doc.configs[c.source], `${name} mounts config ${c.source}, which is not defined`);
    for (const v of s.volumes ?? []) {
      const source = v.split(":")[0];
      if (!source.startsWith(".")) assert.ok(source in doc.volumes, `${name} mounts volume ${source}, which is not declared`);
    }
  }
});

test("no secret is written into the file: every one comes from .env, and compose refuses to start without it", () => {
  const text = renderComposeFile();
  for (const name of ["SECRETS_KEY", "NEXTAUTH_SECRET", "POSTGRES_PASSWORD", "CLICKHOUSE_PASSWORD", "CLICKHOUSE_CLUSTER_SECRET"]) {
    assert.match(text, new RegExp(`\\$\\{${name}:\\?`), `${name} is required from the environment`);
  }
  const doc = parse(text) as Compose;
  for (const [name, s] of Object.entries(doc.services)) {
    for (const [k, v] of Object.entries(s.environment ?? {})) {
      if (/SECRET|PASSWORD|KEY/.test(k)) assert.match(v, /^\$\{[A-Z_]+(:\?[^}]*)?\}$/, `${name}.${k} is a reference, not a value`);
    }
  }
  // nginx's own $variables are escaped, or compose would substitute them (with nothing).
  assert.match(doc.configs.balancer.content, /\$\$host/);
});

test("the servers' configuration is well-formed XML and names every node once", () => {
  const xml = new XMLParser({ ignoreAttributes: false });
  for (const text of [clusterXml(), ...clickhouseNodes().map(macrosXml), ...range(KEEPERS).map(keeperXml)]) {
    assert.equal(XMLValidator.validate(text), true, text);
  }
  const cluster = xml.parse(clusterXml()).clickhouse.remote_servers[CLUSTER];
  const shards = [cluster.shard].flat() as { replica: { host: string }[] }[];
  assert.equal(shards.length, SHARDS);
  const hosts = shards.flatMap((s) => [s.replica].flat().map((r) => r.host));
  assert.equal(hosts.length, SHARDS * REPLICAS);
  assert.deepEqual([...hosts].sort(), clickhouseNodes().map((n) => n.name).sort());
  const macros = clickhouseNodes().map((n) => xml.parse(macrosXml(n)).clickhouse.macros as { shard: unknown; replica: string });
  assert.equal(new Set(macros.map((m) => `${m.shard}/${m.replica}`)).size, macros.length, "each node has its own shard/replica pair");
  const raft = range(KEEPERS).map((id) => xml.parse(keeperXml(id)).clickhouse.keeper_server);
  assert.deepEqual(raft.map((k) => k.server_id), range(KEEPERS));
});

test("the app runs the cluster's DDL: its CLICKHOUSE_CLUSTER is the configured cluster, with the macros the engines use", () => {
  const doc = parse(renderComposeFile()) as Compose;
  const app = Object.values(doc.services).filter((s) => s.environment?.CLICKHOUSE_URL);
  assert.ok(app.length >= 3, "web servers and workers");
  for (const s of app) assert.equal(s.environment!.CLICKHOUSE_CLUSTER, CLUSTER);
  const ddl = renderSchema(TABLES, VIEWS, { cluster: CLUSTER }).join("\n");
  assert.match(ddl, new RegExp(`ON CLUSTER ${CLUSTER}\\b`));
  const used = new Set([...ddl.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]));
  const defined = new Set(Object.keys(new XMLParser().parse(macrosXml(clickhouseNodes()[0])).clickhouse.macros));
  defined.add("database"); // a built-in macro of every server
  for (const m of used) assert.ok(defined.has(m), `the DDL uses {${m}}, which no server defines`);
});
