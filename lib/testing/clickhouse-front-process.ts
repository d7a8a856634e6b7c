import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/**
 * Starts the test fixture clickhouse-http-front.ts as a process of its own, holding the embedded
 * engine's data directory `dataDir`; resolves with its URL once it listens. Tests then point
 * web servers and workers at it with CLICKHOUSE_URL, as at a ClickHouse server.
 */
export function startFrontProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const root = path.resolve(import.meta.dirname, "..", "..");
  const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "testing", "clickhouse-http-front.ts"), "--data", dataDir], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    });
    child.once("exit", (code) => reject(new Error(`the ClickHouse HTTP front exited with ${code} before listening`)));
  });
}
