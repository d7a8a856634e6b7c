/**
 * `npm run bench:overview`: how the overview answers a person changing the view, in a real Chromium.
 * Signs in, then clicks through range presets, a driver-table drill-down and its removal, and the
 * chart's stack buttons, N rounds. For each click, measured inside the page from the click:
 *  - feedback: the first animation frame showing that something is happening (the URL changed, an
 *    element is aria-busy or data-pending, or the chart says "updating…");
 *  - done: the first frame showing the new view complete (URL and content of the target view, and
 *    nothing busy any more).
 * Also per click, because wall times on a shared machine are noisy: the browser's long tasks and the
 * server's CPU time (process tree, from /proc; known when this script starts the server, or given as
 * --server-pid).
 * Options: --url <running server> (otherwise starts `npm start` with demo data on --port in a fresh
 * data directory, or --data-dir to reuse one), --server-pid, --rounds 6, --json <file>, --headed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { startProductServer, type ProductServer } from "./product-server";
import { summarize } from "./stats";
import { treeCpuMs } from "./process-cpu";
import { PROBE_SOURCE, type ProbeResult, type ProbeStep } from "./overview-probe";

const { values: opt } = parseArgs({
  options: {
    url: { type: "string" },
    port: { type: "string", default: "3241" },
    "data-dir": { type: "string" },
    "server-pid": { type: "string" },
    rounds: { type: "string", default: "6" },
    json: { type: "string" },
    headed: { type: "boolean", default: false },
  },
});
const ROUNDS = Number(opt.rounds);
const log = (s: string) => console.log(`[bench:overview] ${s}`);

const server = opt.url ? undefined : await startServer(Number(opt.port));
const base = opt.url ?? server!.base;
const serverPid = opt["server-pid"] ? Number(opt["server-pid"]) : server?.process.pid;

try {
  const results = await run(base);
  report(results);
} finally {
  await server?.stop();
}

function startServer(port: number): Promise<ProductServer> {
  const dataDir = opt["data-dir"] ?? fs.mkdtempSync(path.join(os.tmpdir(), "finops-bench-overview-"));
  log(`starting the product on port ${port} (data in ${dataDir}; builds first when sources changed)`);
  return startProductServer({ dataDir, port, demoData: true });
}

type Kind = "range" | "filter" | "stack";
/** revisit: the view (URL) was already shown earlier in the run, so caches may answer it */
type Result = ProbeResult & { serverCpuMs: number; kind: Kind; label: string; revisit: boolean };
type Step = ProbeStep & { kind: Kind; label: string };

/** One round: every kind of change, ending where it started so rounds repeat. */
function round(feature: string): Step[] {
  const busyFree = { absent: [] as string[], present: [] as string[] };
  const range = (preset: "7d" | "30d" | "90d", label: string): Step => ({
    kind: "range",
    label: `range ${preset}`,
    click: 'nav[aria-label="Time range"] a',
    clickText: label,
    search: { has: preset === "30d" ? [] : [`range=${preset}`], lacks: preset === "30d" ? ["range="] : [] },
    ...busyFree,
    text: { selector: "h1 + p", includes: label + ":" },
  });
  const stack = (d: string): Step => ({
    kind: "stack",
    label: `stack ${d}`,
    click: `[data-testid="stack-${d}"]`,
    search: d === "feature" ? { has: [], lacks: ["stack="] } : { has: [`stack=${d}`], lacks: [] },
    present: [`[data-testid="stack-${d}"][aria-pressed="true"]`],
    absent: [],
  });
  const value = encodeURIComponent(feature);
  return [
    range("7d", "Last 7 days"),
    {
      kind: "filter",
      label: "drill feature",
      click: `[data-testid="drill-feature-${feature}"]`,
      search: { has: [`feature=${value}`], lacks: [] },
      present: ['[data-testid="active-filter-feature"]'],
      absent: [],
    },
    stack("team"),
    range("90d", "Last 90 days"),
    {
      kind: "filter",
      label: "remove filter",
      click: '[data-testid="active-filter-feature"] a[title^="Stop filtering"]',
      search: { has: [], lacks: ["feature="] },
      present: [],
      absent: ['[data-testid="active-filter-feature"]'],
    },
    stack("model"),
    range("30d", "Last 30 days"),
    stack("feature"),
  ];
}

async function run(url: string) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: !opt.headed,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await signIn(page, url);
    const t0 = Date.now();
    await page.goto(`${url}/`);
    await page.getByTestId("total-spend").waitFor();
    log(`first load of the overview: ${Date.now() - t0} ms`);
    const features = await page.$$eval('[data-testid^="drill-feature-"]', (as) => as.map((a) => a.getAttribute("data-testid")!.slice("drill-feature-".length)));
    if (!features.length) throw new Error("the overview shows no features: is there demo data?");
    const results: Result[] = [];
    const seen = new Set([new URL(page.url()).search]);
    for (let r = 0; r < ROUNDS; r++) {
      for (const step of round(features[r % features.length])) {
        const cpu0 = serverPid ? treeCpuMs(serverPid) : NaN;
        const res = (await page.evaluate(`(${PROBE_SOURCE})(${JSON.stringify(step)})`)) as ProbeResult;
        const serverCpuMs = serverPid ? treeCpuMs(serverPid) - cpu0 : NaN;
        if (res.error) throw new Error(`${step.label}: ${res.error}`);
        const search = new URL(page.url()).search;
        results.push({ ...res, serverCpuMs, kind: step.kind, label: step.label, revisit: seen.has(search) });
        seen.add(search);
        // Let the browser settle (prefetches, chart refetches) so one step does not bleed into the next.
        await page.waitForTimeout(300);
      }
      log(`round ${r + 1}/${ROUNDS} done`);
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/signin`);
  await page.getByLabel("Email").fill("finance@demo.local");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
}

function report(results: Result[]) {
  const round1 = (n: number) => Math.round(n);
  const out: Record<string, unknown> = { rounds: ROUNDS, machine: `${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}` };
  console.log("\nper click, in ms: to first visible feedback, to the complete new view (both per animation frame in the page),");
  console.log("the browser's long tasks meanwhile, and the server's CPU time (medians; wall times depend on the machine's load).");
  console.log("first: views not shown before in this run (no cache can help); revisit: views shown before");
  console.log("kind     n   feedback p50  p95    done p50   p95   max   browser long tasks p50   server cpu p50");
  const pad = (n: number, w: number) => String(Number.isNaN(n) ? "-" : round1(n)).padStart(w);
  const groups: [string, Result[]][] = [
    ...(["range", "filter", "stack"] as const).map((k): [string, Result[]] => [k, results.filter((r) => r.kind === k)]),
    ["all", results],
    ["first", results.filter((r) => !r.revisit)],
    ["revisit", results.filter((r) => r.revisit)],
  ];
  for (const [kind, rs] of groups) {
    const fb = summarize(rs.map((r) => r.feedbackMs));
    const done = summarize(rs.map((r) => r.doneMs));
    const lt = summarize(rs.map((r) => r.longTaskMs));
    const cpu = summarize(rs.map((r) => r.serverCpuMs));
    out[kind] = {
      n: rs.length,
      feedback_p50_ms: round1(fb.p50),
      feedback_p95_ms: round1(fb.p95),
      done_p50_ms: round1(done.p50),
      done_p95_ms: round1(done.p95),
      done_max_ms: round1(done.max),
      browser_long_task_p50_ms: round1(lt.p50),
      server_cpu_p50_ms: Number.isNaN(cpu.p50) ? null : round1(cpu.p50),
    };
    console.log(`${kind.padEnd(7)} ${pad(rs.length, 3)}   ${pad(fb.p50, 8)} ${pad(fb.p95, 5)}   ${pad(done.p50, 8)} ${pad(done.p95, 5)} ${pad(done.max, 5)}   ${pad(lt.p50, 22)}   ${pad(cpu.p50, 14)}`);
  }
  if (opt.json) {
    fs.mkdirSync(path.dirname(path.resolve(opt.json)), { recursive: true });
    fs.writeFileSync(opt.json, JSON.stringify({ ...out, steps: results }, null, 2));
    log(`wrote ${opt.json}`);
  }
}
