/**
 * Runs a command with TEST_DATABASE_URL pointing at a PostgreSQL server, so the test suites run a
 * second time with PostgreSQL as the configuration database (`npm run test:postgresql`).
 *
 * - TEST_DATABASE_URL already set: that server is used as it is.
 * - Otherwise Debian's PostgreSQL (installed with apt-get when running as root, as on CI) is started
 *   on a private port with a throw-away data directory, and stopped afterwards.
 * - Where neither is possible the pass is skipped with a message, except on CI (CI=true), where a
 *   skipped pass would pass for a tested one and fails instead.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const PORT = Number(process.env.TEST_POSTGRES_PORT ?? 54329);

function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], "bin") : null;
}

function install(): void {
  console.log("Installing Debian's postgresql for the PostgreSQL test pass (apt-get install -y postgresql)...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "postgresql"], { stdio: "inherit", env });
}

/** initdb and pg_ctl refuse to run as root: as root they run as the `postgres` user Debian creates. */
function asServerUser(bin: string, args: string[]): void {
  const isRoot = process.getuid?.() === 0;
  const cmd = [bin, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
  execFileSync(isRoot ? "su" : "sh", isRoot ? ["postgres", "-c", cmd] : ["-c", cmd], { stdio: ["ignore", "ignore", "inherit"] });
}

function startServer(bin: string): { url: string; stop(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  asServerUser(path.join(bin, "initdb"), ["-D", dir, "-A", "trust", "-U", "postgres"]);
  asServerUser(path.join(bin, "pg_ctl"), ["-D", dir, "-o", `-p ${PORT} -k /tmp -h 127.0.0.1 -c max_connections=300`, "-l", path.join(dir, "server.log"), "start", "-w"]);
  return {
    url: `postgresql://postgres@127.0.0.1:${PORT}/postgres`,
    stop() {
      asServerUser(path.join(bin, "pg_ctl"), ["-D", dir, "stop", "-m", "fast"]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function main(): number {
  const command = process.argv.slice(2);
  if (!command.length) {
    console.error("usage: with-postgresql <command> [args...]");
    return 2;
  }
  let server: { url: string; stop(): void } | null = null;
  if (!process.env.TEST_DATABASE_URL) {
    let bin = pgBin();
    if (!bin && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
      install();
      bin = pgBin();
    }
    if (!bin) {
      const msg = "PostgreSQL test pass: no PostgreSQL here (Debian/Ubuntu: sudo apt-get install -y postgresql), and TEST_DATABASE_URL is not set.";
      if (process.env.CI) {
        console.error(msg);
        return 1;
      }
      console.warn(`${msg} SKIPPED.`);
      return 0;
    }
    server = startServer(bin);
  }
  try {
    const env = { ...process.env, TEST_DATABASE_URL: process.env.TEST_DATABASE_URL ?? server!.url };
    console.log(`PostgreSQL test pass against ${env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, "//")}: ${command.join(" ")}`);
    return spawnSync(command[0], command.slice(1), { stdio: "inherit", env }).status ?? 1;
  } finally {
    server?.stop();
  }
}

process.exit(main());
