import { stringify } from "yaml";
import { clusterXml, keeperXml, macrosXml } from "./clickhouse-config";
import { CLICKHOUSE_HTTP_PORT, CLUSTER, KEEPERS, WEB_PORT, WEB_SERVERS, clickhouseNodes, keeperName, range, webName } from "./topology";

/**
 * docker-compose.yml for a cluster deployment, rendered from the topology (`npm run deploy:render`;
 * a test keeps the committed file equal to this rendering). Server configuration files are inline
 * `configs`, so the compose file is the whole deployment. Secrets come from the operator's `.env`
 * (compose refuses to start without them) and are never written into the file.
 */
const NODE_IMAGE = "node:20-bookworm";
const CLICKHOUSE_IMAGE = "clickhouse/clickhouse-server:25.8";
const KEEPER_IMAGE = "clickhouse/clickhouse-keeper:25.8";
const POSTGRES_IMAGE = "postgres:16";
const BALANCER_IMAGE = "nginx:1.27-alpine";

export const COMPOSE_FILE = "docker-compose.yml";

const required = (name: string, what: string) => `\${${name}:?set ${name} in .env: ${what}}`;

/** nginx in front of the web servers; its idle timeout stays below the servers' keep-alive (65 s). */
export function balancerConf(): string {
  const upstreams = range(WEB_SERVERS).map((i) => `  server ${webName(i)}:${WEB_PORT};`);
  return `upstream finops_web {
${upstreams.join("\n")}
  keepalive 32;
  keepalive_timeout 60s;
}
server {
  listen 80;
  client_max_body_size 16m;
  location / {
    proxy_pass http://finops_web;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_read_timeout 300s;
  }
}
`;
}

/** What every web server and worker is given: the cluster, PostgreSQL, and the shared secrets. */
function appEnvironment(clickhouseNode: string): Record<string, string> {
  return {
    DATA_DIR: "/data",
    DEMO_DATA: "0",
    EMBEDDED_WORKERS: "0",
    TRUST_PROXY_HOPS: "1",
    DATABASE_URL: `postgresql://finops:\${POSTGRES_PASSWORD}@postgres:5432/finops`,
    CLICKHOUSE_URL: `http://${clickhouseNode}:${CLICKHOUSE_HTTP_PORT}`,
    CLICKHOUSE_USER: "finops",
    CLICKHOUSE_PASSWORD: "${CLICKHOUSE_PASSWORD}",
    CLICKHOUSE_CLUSTER: CLUSTER,
    // Every process must seal and open channel secrets with one key, and sign sessions with one secret.
    SECRETS_KEY: required("SECRETS_KEY", "32 random bytes in base64 (openssl rand -base64 32)"),
    NEXTAUTH_SECRET: required("NEXTAUTH_SECRET", "a long random string"),
    NEXTAUTH_URL: "${PUBLIC_URL:-http://localhost:8080}",
  };
}

/** A container of the app's checkout (mounted at /app), with more volumes and settings. */
function appService(volumes: string[], command: string[], rest: Record<string, unknown>): Record<string, unknown> {
  return { image: NODE_IMAGE, working_dir: "/app", volumes: [".:/app", ...volumes], command, ...rest };
}

export function composeDocument(): Record<string, unknown> {
  const nodes = clickhouseNodes();
  const keepers = range(KEEPERS).map(keeperName);
  const services: Record<string, unknown> = {};
  // Compose interpolates ${...} and $name everywhere, inline configs included: nginx's variables need $$.
  const configs: Record<string, { content: string }> = { "clickhouse-cluster": { content: clusterXml() }, balancer: { content: balancerConf().replaceAll("$", () => "$$") } };
  const volumes: Record<string, null> = { postgres: null };

  range(KEEPERS).forEach((id, i) => {
    configs[`${keepers[i]}-config`] = { content: keeperXml(id) };
    volumes[keepers[i]] = null;
    services[keepers[i]] = {
      image: KEEPER_IMAGE,
      configs: [{ source: `${keepers[i]}-config`, target: "/etc/clickhouse-keeper/keeper_config.xml" }],
      volumes: [`${keepers[i]}:/var/lib/clickhouse-keeper`],
      restart: "unless-stopped",
    };
  });
  for (const n of nodes) {
    configs[`${n.name}-macros`] = { content: macrosXml(n) };
    volumes[n.name] = null;
    services[n.name] = {
      image: CLICKHOUSE_IMAGE,
      environment: {
        CLICKHOUSE_USER: "finops",
        CLICKHOUSE_PASSWORD: required("CLICKHOUSE_PASSWORD", "the password of the finops ClickHouse user"),
        CLICKHOUSE_CLUSTER_SECRET: required("CLICKHOUSE_CLUSTER_SECRET", "a random string the servers share"),
      },
      configs: [
        { source: "clickhouse-cluster", target: "/etc/clickhouse-server/config.d/cluster.xml" },
        { source: `${n.name}-macros`, target: "/etc/clickhouse-server/config.d/macros.xml" },
      ],
      volumes: [`${n.name}:/var/lib/clickhouse`],
      ulimits: { nofile: { soft: 262144, hard: 262144 } },
      depends_on: keepers,
      restart: "unless-stopped",
    };
  }
  services.postgres = {
    image: POSTGRES_IMAGE,
    environment: { POSTGRES_USER: "finops", POSTGRES_DB: "finops", POSTGRES_PASSWORD: required("POSTGRES_PASSWORD", "the configuration database's password") },
    volumes: ["postgres:/var/lib/postgresql/data"],
    healthcheck: { test: ["CMD", "pg_isready", "-U", "finops"], interval: "5s", retries: 20 },
    restart: "unless-stopped",
  };
  // One build for every app container (they share the checkout), before any of them starts.
  services.build = appService([], ["sh", "-c", "npm ci && npm run build:app"], {});
  const appDepends = {
    build: { condition: "service_completed_successfully" },
    postgres: { condition: "service_healthy" },
    ...Object.fromEntries(nodes.map((n) => [n.name, { condition: "service_started" }])),
  };
  for (const i of range(WEB_SERVERS)) {
    volumes[`${webName(i)}-data`] = null;
    // Web servers spread over the shards' first replicas; Distributed tables reach the rest.
    const node = nodes[((i - 1) * 2) % nodes.length].name;
    services[webName(i)] = appService([`${webName(i)}-data:/data`], ["npm", "start"], {
      // HOSTNAME: Docker sets it to the container id, and `npm start` binds to it; listen on every interface.
      environment: { ...appEnvironment(node), PORT: String(WEB_PORT), HOSTNAME: "0.0.0.0" },
      depends_on: appDepends,
      restart: "unless-stopped",
    });
  }
  services.workers = appService([], ["npm", "run", "workers"], {
    environment: appEnvironment(nodes[nodes.length - 1].name),
    depends_on: appDepends,
    deploy: { replicas: "${WORKERS:-2}" },
    restart: "unless-stopped",
  });
  services.balancer = {
    image: BALANCER_IMAGE,
    configs: [{ source: "balancer", target: "/etc/nginx/conf.d/default.conf" }],
    ports: ["${PORT:-8080}:80"],
    depends_on: range(WEB_SERVERS).map(webName),
    restart: "unless-stopped",
  };
  return { name: "llm-finops", services, configs, volumes };
}

export function renderComposeFile(): string {
  const header = [
    "# The cluster deployment: ClickHouse (2 shards x 2 replicas, 3 Keeper nodes), PostgreSQL, 2 web servers",
    "# behind nginx, and WORKERS worker processes. Generated by `npm run deploy:render` from lib/deploy;",
    "# edit the generator, not this file. Needs a .env with SECRETS_KEY, NEXTAUTH_SECRET, POSTGRES_PASSWORD,",
    "# CLICKHOUSE_PASSWORD and CLICKHOUSE_CLUSTER_SECRET (see README, \"Running a cluster\").",
  ].join("\n");
  return `${header}\n${stringify(composeDocument(), { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
