import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { createTestDatabaseSync } from "../lib/testing/test-database";

/**
 * End-to-end tests against the product as a user starts it (`npm start` on a fresh data
 * directory, so migrations and demo seeding run for real), in a real Chromium. Debian's chromium by
 * default (CI has no Playwright browser download); CHROMIUM_PATH overrides it, and an empty
 * CHROMIUM_PATH uses Playwright's own browser.
 */
const port = Number(process.env.E2E_PORT ?? 3111);
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "finops-e2e-"));
// A directory made here goes when the runner exits (after the server has stopped); a given one stays.
if (!process.env.E2E_DATA_DIR) process.once("exit", () => fs.rmSync(dataDir, { recursive: true, force: true }));
process.env.E2E_DATA_DIR = dataDir; // workers inherit it, so they see the same directory
// With TEST_DATABASE_URL (a PostgreSQL server) the server and the tests share a database of their own
// on it; otherwise the server's SQLite file in the data directory. Set once, inherited by workers.
process.env.E2E_DATABASE_URL ??= createTestDatabaseSync("e2e") ?? "";
if (process.env.E2E_DATABASE_URL) process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
else delete process.env.DATABASE_URL;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const root = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: path.join(root, "test-results"),
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node --conditions=react-server --import tsx lib/cli/start.ts",
    cwd: root,
    url: `http://localhost:${port}/api/health`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      NEXTAUTH_URL: `http://localhost:${port}`,
      DEMO_DATA: "1",
    },
  },
});
