import "server-only";
import { chQuery } from "@/lib/clickhouse/query";
import { db } from "@/lib/db/prisma";
import { chDateTime } from "@/lib/clickhouse/time";
import { writeLedgerRows, type LedgerRow } from "@/lib/ledger/write-events";
import { compileOverride } from "./overrides-match";
import { listOverrides } from "./overrides";
import { priceTokens } from "./price-event";
import { listDeployments } from "@/lib/selfhosted/deployments";
import { measuredRates } from "@/lib/selfhosted/hourly-rates";
import { LLM_EVENTS } from "@/lib/clickhouse/tables";
import { env } from "@/lib/config/env";
import { PROCESS_HOLDER, withLease, workerOf, type HeldLease } from "@/lib/db/leases";
import { afterRecostFailure, RECOST_MAX_ATTEMPTS } from "./recost-retry";

type StoredRow = Record<string, unknown> & {
  org_id: string;
  event_id: string;
  ts: string;
  provider: string;
  model: string;
  input_uncached_tokens: string;
  cache_read_tokens: string;
  cache_write_5m_tokens: string;
  cache_write_1h_tokens: string;
  output_tokens: string;
  reasoning_tokens: string;
  priced: number;
  cost_pico: string;
  cache_savings_pico: string;
  price_source: string;
  price_ref: string;
  version: number;
};

const WINDOW_MS = 6 * 3600 * 1000;
let chain: Promise<unknown> = Promise.resolve();
let runs = 0;

/** Within a process, re-costs run one after another (the lease below is taken inside the chain). */
function serialize<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn);
  chain = run.catch(() => undefined);
  return run;
}

/**
 * Across processes, one re-cost per organization at a time: two re-costs over overlapping events
 * would both cancel the same version. Each run holds the organization's lease (a holder of its own,
 * so two runs of one process never share it), extended while it runs; a worker that dies stops
 * extending it, and its job is taken over by the next worker once the lease has expired.
 */
function recostLease<T>(orgId: string, waitMs: number, fn: (lease: HeldLease) => Promise<T>) {
  const ms = env().RECOST_LEASE_MS;
  return withLease(`recost:${orgId}`, { holder: `${PROCESS_HOLDER}:${++runs}`, ms, waitMs }, fn);
}

class LeaseLost extends Error {}

/**
 * Re-prices every event of an organization in [from, to) with today's catalog and overrides.
 * A changed event gets a cancelling row (sign -1) for its live version and a new row (version + 1);
 * the rollup's materialized view adds both, so dashboard totals move by exactly the difference.
 * The pair is written by one single-month INSERT, one part that the engine commits whole, so a crash
 * leaves an event either re-costed or untouched, and a re-run skips what is already re-costed.
 * Runs one at a time per process so two re-costs never cancel the same version twice.
 */
export function recostRange(orgId: string, from: Date, to: Date, reason: string) {
  return serialize(async () => {
    const held = await recostLease(orgId, 10 * env().RECOST_LEASE_MS, async (lease) => {
      const job = await db().recostJob.create({ data: { orgId, fromTs: from, toTs: to, status: "running", reason, attempts: 1 } });
      return runJob({ id: job.id, orgId, from, to, attempt: 1, retry: false }, lease);
    });
    if (!held) throw new Error("another worker has been re-costing this organization for a while; try again later");
    return held.value;
  });
}

/**
 * Queues a re-cost for the workers (in the server process when embedded, `npm run workers` otherwise),
 * so a page or API call returns at once even for a year of events.
 */
export async function enqueueRecost(orgId: string, from: Date, to: Date, reason: string) {
  if (!(from < to)) throw new Error("to: expected a time after from");
  return db().recostJob.create({ data: { orgId, fromTs: from, toTs: to, status: "queued", reason } });
}

/**
 * Runs the oldest due job whose organization no other run holds: a queued one (new, or failed and
 * past its backoff), or a "running" one whose worker died (its lease expired). The conditional
 * update on the attempt count makes the claim exclusive. Returns false when there is nothing to run.
 */
export async function runNextQueuedRecost(now = new Date()): Promise<boolean> {
  const jobs = await db().recostJob.findMany({
    where: { status: { in: ["queued", "running"] }, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  for (const next of jobs) {
    const held = await serialize(() =>
      recostLease(next.orgId, 0, async (lease) => {
        const attempt = next.attempts + 1;
        const claim = await db().recostJob.updateMany({
          where: { id: next.id, status: { in: ["queued", "running"] }, attempts: next.attempts },
          data: { status: "running", attempts: attempt, nextAttemptAt: null },
        });
        if (claim.count !== 1) return false;
        if (attempt > RECOST_MAX_ATTEMPTS) {
          // Every earlier run ended without recording an outcome: its worker was killed each time.
          const error = `gave up after ${next.attempts} attempts: the worker running it stopped each time (killed, or out of memory)`;
          await db().recostJob.update({ where: { id: next.id }, data: { status: "failed", finishedAt: new Date(), error } });
          return true;
        }
        const job = { id: next.id, orgId: next.orgId, from: next.fromTs, to: next.toTs, attempt, retry: true };
        await runJob(job, lease).catch(() => undefined); // the outcome is recorded on the job
        return true;
      }),
    );
    if (held?.value) return true;
  }
  return false;
}

type Pricing = { overrides: ReturnType<typeof compileOverride>[]; deployments: Set<string>; providers?: string[] };

async function pricingFor(orgId: string, providers?: string[]): Promise<Pricing> {
  const overrides = (await listOverrides(orgId)).map(compileOverride);
  return { overrides, deployments: new Set((await listDeployments(orgId)).map((d) => d.name)), providers };
}

/**
 * Re-costs the events of the given providers in [from, to) without a job row: the self-hosted hourly
 * pass calls this for closed hours each time it runs, so a pass cut short is simply redone by the next.
 */
export function recostProviders(orgId: string, from: Date, to: Date, providers: string[]) {
  return serialize(async () => {
    const held = await recostLease(orgId, env().RECOST_LEASE_MS, () => repriceProviders(orgId, from, to, providers));
    if (!held) throw new Error("another worker is re-costing this organization; the next pass retries");
    return held.value;
  });
}

async function repriceProviders(orgId: string, from: Date, to: Date, providers: string[]) {
  const pricing = await pricingFor(orgId, providers);
  let scanned = 0;
  let changed = 0;
  for (let a = from.getTime(); a < to.getTime(); a += WINDOW_MS) {
    const r = await repriceWindow(orgId, a, Math.min(a + WINDOW_MS, to.getTime()), pricing);
    scanned += r.scanned;
    changed += r.changed;
  }
  return { scanned, changed };
}

type JobRun = { id: string; orgId: string; from: Date; to: Date; attempt: number; retry: boolean };

/** `retry`: a failure queues the job again with backoff (a worker's run) rather than failing it (a caller waiting on it). */
async function runJob({ id, orgId, from, to, attempt, retry }: JobRun, lease: HeldLease) {
  const job = { id };
  let scanned = 0;
  let lastProgress = Date.now();
  let changed = 0;
  try {
    const pricing = await pricingFor(orgId);
    for (let a = from.getTime(); a < to.getTime(); a += WINDOW_MS) {
      // Stalled past the lease's expiry: another worker owns the job now and redoes it from the start.
      if (lease.lost()) throw new LeaseLost("the re-cost lease expired while this worker was stalled");
      const b = Math.min(a + WINDOW_MS, to.getTime());
      const w = await repriceWindow(orgId, a, b, pricing);
      scanned += w.scanned;
      changed += w.changed;
      // Progress for the price page, at most every few seconds so a long range stays cheap.
      if (Date.now() - lastProgress > 2000) {
        lastProgress = Date.now();
        await db().recostJob.update({ where: { id: job.id }, data: { eventsScanned: scanned, eventsChanged: changed } });
      }
    }
    // error: null, since an earlier attempt's error no longer applies
    const done = { status: "done", eventsScanned: scanned, eventsChanged: changed, finishedAt: new Date(), error: null };
    await db().recostJob.update({ where: { id: job.id }, data: done });
    return { jobId: job.id, scanned, changed };
  } catch (err) {
    if (err instanceof LeaseLost) throw err; // the job is the new holder's to finish or fail
    const outcome = retry ? afterRecostFailure(attempt, String(err)) : { status: "failed", finishedAt: new Date(), error: String(err).slice(0, 2000) };
    await db().recostJob.update({ where: { id: job.id }, data: { ...outcome, eventsScanned: scanned, eventsChanged: changed } });
    throw err;
  }
}

async function repriceWindow(orgId: string, a: number, b: number, pricing: Pricing): Promise<{ scanned: number; changed: number }> {
  // The live version of an event is its highest +1 row whose version was never cancelled, merged
  // or not. Leaving cancelled versions out means no state, however a write ended, gets a version
  // cancelled twice.
  const rows = await chQuery<StoredRow>(
    `SELECT * EXCEPT (ingested_at) FROM ${LLM_EVENTS}
     WHERE org_id = {org:String} AND ts >= {a:DateTime64(3)} AND ts < {b:DateTime64(3)} AND sign = 1
       AND ({all:UInt8} = 1 OR provider IN {providers:Array(String)})
       AND (event_id, version) NOT IN (
         SELECT event_id, version FROM ${LLM_EVENTS}
         WHERE org_id = {org:String} AND ts >= {a:DateTime64(3)} AND ts < {b:DateTime64(3)} AND sign = -1)
     ORDER BY event_id, version DESC
     LIMIT 1 BY event_id`,
    { tag: "pricing.recost.scan", params: { org: orgId, a: chDateTime(new Date(a)), b: chDateTime(new Date(b)), all: pricing.providers ? 0 : 1, providers: pricing.providers ?? [] }, timeoutSeconds: 300 },
  );
  // Measured rates only when the window holds a deployment's events: two queries per deployment.
  const measured = rows.some((r) => pricing.deployments.has(r.provider)) ? await measuredRates(orgId, a, b) : undefined;
  let changed = 0;
  const pairs: LedgerRow[][] = [];
  for (const r of rows) {
    const tokens = {
      inputUncached: Number(r.input_uncached_tokens),
      cacheRead: Number(r.cache_read_tokens),
      cacheWrite5m: Number(r.cache_write_5m_tokens),
      cacheWrite1h: Number(r.cache_write_1h_tokens),
      output: Number(r.output_tokens),
      reasoning: Number(r.reasoning_tokens),
    };
    const price = priceTokens(pricing.overrides, r.provider, r.model, new Date(r.ts.replace(" ", "T") + "Z"), tokens, measured);
    if (
      String(price.costPico) === String(r.cost_pico) &&
      String(price.cacheSavingsPico) === String(r.cache_savings_pico) &&
      Number(price.priced) === Number(r.priced) &&
      price.priceSource === r.price_source &&
      price.priceRef === r.price_ref
    )
      continue;
    changed++;
    // The cancelling row repeats the live row exactly (64-bit values stay strings, unrounded),
    // so the two fold away on merge without moving any sum.
    pairs.push([
      { ...r, sign: -1 },
      {
        ...r,
        priced: price.priced ? 1 : 0,
        cost_pico: price.costPico,
        cache_savings_pico: price.cacheSavingsPico,
        price_source: price.priceSource,
        price_ref: price.priceRef,
        version: Number(r.version) + 1,
        sign: 1,
      },
    ]);
  }
  await writeLedgerRows(pairs, { tag: "pricing.recost.insert", maxPartitions: 1 });
  return { scanned: rows.length, changed };
}

/**
 * Start-up, embedded mode: this process is the only one that runs jobs, so a job still "running" was
 * cut short by a crash. It goes back to the queue and runs again from the start of its range, which
 * is safe: events it already re-costed have their new price and are skipped.
 */
export async function requeueInterruptedRecosts(): Promise<number> {
  await db().lease.deleteMany({ where: { name: { startsWith: "recost:" } } }); // the dead process's
  const res = await db().recostJob.updateMany({ where: { status: "running" }, data: { status: "queued" } });
  return res.count;
}

/** The latest jobs; a running one names the worker (`host:pid`) holding the organization's re-cost lease. */
export async function listRecostJobs(orgId: string, take = 20) {
  const [jobs, lease] = await Promise.all([
    db().recostJob.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, take }),
    db().lease.findUnique({ where: { name: `recost:${orgId}` } }),
  ]);
  const worker = lease && lease.expiresAt > new Date() ? workerOf(lease.holder) : null;
  return jobs.map((j) => ({ ...j, worker: j.status === "running" ? worker : null }));
}
