import { execFile } from "node:child_process";
import path from "node:path";

/** Opens an alert in the running server's data directory through the alert store (as an evaluator would); resolves to its id. */
export function seedAlert(dedupKey: string, title: string): Promise<string> {
  const root = path.resolve(import.meta.dirname, "..");
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/alerts/testing/seed-cli.ts", dedupKey, title],
      { cwd: root, env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR } },
      (err, stdout, stderr) => (err ? reject(new Error(`seed alert: ${stderr || err.message}`)) : resolve(stdout.trim())),
    ),
  );
}
