/**
 * `npm start`: from a fresh clone to a running product. Creates the data directory and a session
 * secret, builds when the sources changed since the last build, and starts the Next.js server; the
 * server's instrumentation hook migrates both stores, seeds the demo organization on first start,
 * and starts the workers. Prints where to go and how to sign in once the server answers.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sourceFingerprint } from "./fingerprint";

const root = process.cwd();
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOSTNAME ?? "0.0.0.0";
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

fs.mkdirSync(dataDir, { recursive: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? sessionSecret(),
};

function sessionSecret(): string {
  // Kept beside the data so sessions survive restarts; never committed (.data is ignored).
  const file = path.join(dataDir, "auth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

function run(cmd: string, args: string[], what: string) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n${what} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

if (!fs.existsSync(path.join(root, "lib", "generated", "prisma"))) run(bin("prisma"), ["generate"], "prisma generate");

const stamp = path.join(root, ".next", "source-fingerprint");
const fingerprint = sourceFingerprint(root);
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fingerprint;
if (!built || process.argv.includes("--rebuild")) {
  console.log("Building the app (first start or sources changed)...");
  run(bin("next"), ["build"], "next build");
  fs.writeFileSync(stamp, fingerprint);
}
// `npm run build:app`: one build that several servers sharing a checkout then start from (docker-compose.yml).
if (process.argv.includes("--build-only")) process.exit(0);

// Node closes an idle keep-alive connection after 5 s; a client (or a load balancer, whose idle
// timeout is usually 60 s) that reuses it in that instant gets ECONNRESET on a request the server
// never saw. Keeping idle connections longer than the balancer's makes the server the side that
// never closes first. Seen in CI as a reset GET after a page wait of about 5 s.
const keepAliveMs = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
const server = spawn(bin("next"), ["start", "-p", String(port), "-H", host, "--keepAliveTimeout", String(keepAliveMs)], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

void announceWhenReady();

async function announceWhenReady() {
  const url = `http://localhost:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) {
        console.log(`\n  LLM FinOps is running: ${url}\n  Sign in with a user printed above ([startup] lines); data in ${dataDir}\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error(`The server did not become healthy at ${url}/api/health within 10 minutes.`);
}
