import { spawn, type ChildProcess } from "node:child_process";

/**
 * The product as `npm start` runs it (lib/cli/start.ts: builds first when the sources changed, then
 * `next start` in embedded mode), as a child process of a benchmark, on its own data directory and
 * port, without demo data unless asked. Shared by every benchmark that measures the real server.
 */
export type ProductServer = {
  base: string;
  process: ChildProcess;
  /** everything the server printed so far */
  log(): string;
  /** SIGTERM (start.ts forwards it to `next start`) and wait for the exit */
  stop(): Promise<void>;
};

export async function startProductServer(o: { dataDir: string; port: number; demoData?: boolean; env?: Record<string, string> }): Promise<ProductServer> {
  const base = `http://localhost:${o.port}`;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "lib/cli/start.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: o.dataDir, PORT: String(o.port), DEMO_DATA: o.demoData ? "1" : "0", NEXTAUTH_SECRET: "bench-secret", NEXTAUTH_URL: base, ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  // A benchmark that ends or fails never leaves the server holding its port and data directory.
  const kill = () => child.exitCode === null && child.kill("SIGTERM");
  process.on("exit", kill);
  const server: ProductServer = {
    base,
    process: child,
    log: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      kill();
      await exited;
    },
  };
  await waitHealthy(server);
  return server;
}

/** Up to 15 minutes (a first start builds the app); fails with the tail of the log if the server exits. */
async function waitHealthy(server: ProductServer): Promise<void> {
  for (let i = 0; i < 900; i++) {
    if (server.process.exitCode !== null) throw new Error(`server exited:\n${server.log().slice(-3000)}`);
    try {
      if ((await fetch(`${server.base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server not healthy:\n${server.log().slice(-3000)}`);
}
