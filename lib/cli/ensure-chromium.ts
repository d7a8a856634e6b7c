/**
 * Runs before the end-to-end tests (`pretest:e2e`): the tests drive a real Chromium, and Playwright
 * cannot download its own browser on machines without general internet access. Uses CHROMIUM_PATH
 * when set (empty: Playwright's own browser), else Debian's /usr/bin/chromium, installing it with
 * apt-get when running as root, as on CI; otherwise says exactly what to install.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

const DEBIAN_PATH = "/usr/bin/chromium";

function main(): number {
  if (process.env.CHROMIUM_PATH !== undefined) {
    const p = process.env.CHROMIUM_PATH;
    if (p === "" || fs.existsSync(p)) return 0;
    console.error(`CHROMIUM_PATH=${p} does not exist.`);
    return 1;
  }
  if (fs.existsSync(DEBIAN_PATH)) return 0;
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) {
    console.error(
      `The end-to-end tests need Chromium at ${DEBIAN_PATH} (Debian/Ubuntu: sudo apt-get install -y chromium),\n` +
        "or CHROMIUM_PATH pointing at a Chromium or Chrome binary.",
    );
    return 1;
  }
  console.log("Installing Debian's chromium for the end-to-end tests (apt-get install -y chromium)...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  return fs.existsSync(DEBIAN_PATH) ? 0 : 1;
}

process.exit(main());
