import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { db } from "@/lib/db/prisma";
import { registerCollector } from "./collector-registry";
import { createSource, getSource } from "./sources";
import { SourceScheduler } from "./scheduler";
import type { SourceRunSettings } from "./settings";
import { countingCollector } from "./testing/collectors";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

const settings: SourceRunSettings = { concurrency: 4, timeoutMs: 60_000, leaseMs: 1_500, retryBaseMs: 30_000, retryMaxMs: 1_800_000 };

/** Starts the child worker and resolves with the cursor its run was handed, once the run has started. */
function startChild(): Promise<{ kill: () => Promise<void>; cursor: unknown }> {
  const script = path.join(import.meta.dirname, "testing", "worker-child.ts");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    env: { ...process.env, SOURCE_LEASE_MS: String(settings.leaseMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /STARTED (.*)\n/.exec(out);
      if (m) resolve({ cursor: JSON.parse(m[1]), kill: async () => (child.kill("SIGKILL"), await exited) });
    });
    child.once("exit", (code) => reject(new Error(`worker child exited (${code}) before its run started: ${err}`)));
  });
}

test("a worker SIGKILLed mid-run: its lease expires and another worker reruns the source from the stored cursor", { timeout: 120_000 }, async () => {
  const counting = countingCollector("openai", { intervalMs: 0 });
  registerCollector(counting.collector);
  const r = await createSource(cfg.orgId, "t", { type: "openai", name: "crashy", config: { admin_key: "sk-admin-abcdefghijklmnop" } });
  assert.ok(r.ok);
  const id = r.value.id;
  const here = new SourceScheduler(settings);
  await here.pass(() => undefined, 10);
  await here.idle();
  const stored = JSON.parse((await db().source.findUniqueOrThrow({ where: { id } })).cursor!);
  assert.equal(stored.n, 1);

  const child = await startChild();
  assert.deepEqual(child.cursor, stored, "the child's run starts from the stored cursor");
  await child.kill();
  const leased = await db().source.findUniqueOrThrow({ where: { id } });
  assert.ok(leased.leaseOwner && leased.leaseUntil, "the dead worker's lease is still on the row");
  assert.deepEqual(JSON.parse(leased.cursor!), stored, "nothing from the killed run was stored");

  const deadline = Date.now() + 30_000;
  while (counting.state.runs < 2 && Date.now() < deadline) await here.pass(() => undefined, 50);
  await here.idle();
  assert.equal(counting.state.runs, 2, "this worker took the source over once the lease expired");
  assert.deepEqual(counting.state.seen[1], stored, "and reran it from the stored cursor");
  const v = (await getSource(cfg.orgId, id))!;
  assert.equal(v.state, "ok");
  assert.deepEqual(v.runs?.map((x) => x.outcome), ["ok", "abandoned", "ok"]);
  assert.match(v.runs![1].error!, /lease expired/);
});
