import { spawn, execFile, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { CrashOrgs } from "./setup-orgs";

/** Printed by setup-orgs.ts before its JSON answer. */
const MARKER = "@@crash-orgs@@";

/**
 * A real `next start` of the built product on its own data directory and port, in a process group
 * of its own so a SIGKILL takes every process of it down at once, as a crash would.
 */
const root = path.resolve(import.meta.dirname, "..", "..");

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** Everything the server printed, for the failure message and the repair count. */
  output = "";

  constructor(
    readonly dataDir: string,
    readonly port: number,
    /** A configuration database of its own (PostgreSQL runs); otherwise the data directory's SQLite file. */
    readonly databaseUrl?: string,
    /** More environment (CLICKHOUSE_URL for a server on the server path). */
    readonly extraEnv: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(this.port), "-H", "127.0.0.1"], {
      cwd: root,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATA_DIR: this.dataDir,
        ...(this.databaseUrl ? { DATABASE_URL: this.databaseUrl } : {}),
        DEMO_DATA: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXTAUTH_SECRET: "crash-test-secret-not-for-production",
        NEXTAUTH_URL: this.url,
        PORT: String(this.port),
        ...this.extraEnv,
      },
    });
    this.child = child;
    child.stdout?.on("data", (d) => (this.output += d));
    child.stderr?.on("data", (d) => (this.output += d));
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited during start-up (${child.exitCode}):\n${this.output.slice(-3000)}`);
      try {
        const res = await fetch(`${this.url}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server not healthy within 120 s:\n${this.output.slice(-3000)}`);
  }

  /** SIGKILL to the whole process group: no handler runs, nothing is flushed. */
  async kill(): Promise<void> {
    const pid = this.child?.pid;
    this.signal("SIGKILL");
    await this.exited;
    this.child = null;
    if (pid) await groupGone(pid);
  }

  private signal(sig: NodeJS.Signals) {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  }
}

/** Waits until no process of the group is left, so none still holds the data directory. */
async function groupGone(pgid: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`processes of group ${pgid} still alive 10 s after SIGKILL`);
}

/** Creates the test's two organizations and their ingest keys in a data directory no server holds. */
export function setupOrgs(dataDir: string, databaseUrl?: string, scopes = "ingest"): Promise<CrashOrgs> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.join("e2e", "crash", "setup-orgs.ts")],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, SETUP_SCOPES: scopes, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) } },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`setup-orgs failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.slice(stdout.lastIndexOf(MARKER) + MARKER.length)) as CrashOrgs);
      },
    );
  });
}
