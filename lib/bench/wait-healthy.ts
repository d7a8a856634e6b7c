import type { ChildProcess } from "node:child_process";

/**
 * Waits (up to 15 minutes: a first start may build the app) until the product started as `server`
 * answers /api/health at `base`; fails with the tail of its log if it exits or never gets there.
 * Shared by the benchmarks that run the real server as a child process.
 */
export async function waitHealthy(base: string, server: ChildProcess, serverLog: () => string): Promise<void> {
  for (let i = 0; i < 900; i++) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${serverLog().slice(-3000)}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server not healthy:\n${serverLog().slice(-3000)}`);
}
