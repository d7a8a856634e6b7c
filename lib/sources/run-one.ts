import "server-only";
import { db } from "@/lib/db/prisma";
import { CollectorError, isCollectorError, type Collector, type CollectorOutcome } from "@/lib/source-contract/collector";
import { collectorFor } from "./collector-registry";
import { openConfig, parseStoredConfig, scrubSecrets, secretValues, validateConfig } from "./config";
import { heartbeat, type Claim } from "./lease";
import { recordRunEnd, recordRunStart } from "./run-history";
import type { SourceRunSettings } from "./settings";
import { afterFailure, afterSuccess, type RunVerdict } from "./transitions";

export type RunResult = "ok" | "retrying" | "stopped" | "lost";
type Log = (line: string) => void;

class LeaseLost extends Error {}
class TimedOut extends Error {}

/**
 * Runs one claimed source to its end: its own AbortSignal, a timeout, and a heartbeat that keeps the
 * lease while the run lasts. The collector's promise is raced against the abort, so a collector that
 * ignores its signal still frees the worker's slot at the timeout. Nothing is stored unless this run
 * still holds the lease when it ends: a run that lost it was taken over, and the new run's result wins.
 */
export async function runClaim(claim: Claim, s: SourceRunSettings, log: Log, stopSignal?: AbortSignal): Promise<RunResult> {
  const row = await db().source.findUnique({ where: { id: claim.sourceId } });
  if (!row || row.leaseOwner !== claim.owner) return "lost";
  const runId = await recordRunStart(claim, claim.tookOver);
  const started = new Date();
  const collector = collectorFor(row.type);
  let verdict: RunVerdict;
  let secrets: string[] = [];
  const prepared = collector ? prepare(collector, row.config) : { ok: false as const, error: new CollectorError(`No collector for type '${row.type}' is installed in this server; update the server or delete this source.`, "config") };
  if (!collector || !prepared.ok) {
    verdict = afterFailure(prepared.ok ? null : prepared.error, row.consecutiveFailures, started, s);
  } else {
    secrets = secretValues(collector, prepared.config);
    const ac = new AbortController();
    const onStop = () => ac.abort(new LeaseLost("the worker is stopping"));
    stopSignal?.addEventListener("abort", onStop, { once: true });
    const aborted = new Promise<never>((_, reject) => ac.signal.addEventListener("abort", () => reject(ac.signal.reason), { once: true }));
    const timeout = setTimeout(() => ac.abort(new TimedOut()), s.timeoutMs);
    const beat = setInterval(() => {
      void heartbeat(claim, s.leaseMs).then(
        (held) => held || ac.abort(new LeaseLost("the lease was taken over")),
        () => undefined, // a busy database: try again at the next beat; the lease has room for two misses
      );
    }, Math.max(50, Math.floor(s.leaseMs / 3)));
    try {
      const outcome: CollectorOutcome = await Promise.race([
        collector.run({
          orgId: row.orgId,
          sourceId: row.id,
          sourceName: row.name,
          config: prepared.config,
          cursor: row.cursor === null ? null : JSON.parse(row.cursor),
          now: started,
          signal: ac.signal,
          log: (line) => log(`source ${row.id} (${row.type}): ${scrubSecrets(line, secrets)}`),
          progress: progressWriter(claim),
        }),
        aborted,
      ]);
      verdict = afterSuccess(outcome, new Date(), collector.intervalMs(prepared.config));
    } catch (thrown) {
      // A collector that honours its signal rejects with its own AbortError; the reason we aborted is the truth.
      const err = ac.signal.aborted ? ac.signal.reason : thrown;
      if (err instanceof LeaseLost) {
        // A worker shutting down hands the source back now rather than leaving it to the lease's expiry.
        if (stopSignal?.aborted) await db().source.updateMany({ where: { id: row.id, leaseOwner: claim.owner }, data: { leaseOwner: null, leaseUntil: null } });
        await recordRunEnd(runId, row.id, "superseded", null, `Stopped: ${err.message}.`);
        return "lost";
      }
      if (!(isCollectorError(err)) && !(err instanceof TimedOut)) {
        log(`source ${row.id} (${row.type}) failed unexpectedly: ${scrubSecrets(err instanceof Error ? (err.stack ?? err.message) : String(err), secrets)}`);
      }
      verdict = afterFailure(err, row.consecutiveFailures, new Date(), s, err instanceof TimedOut);
    } finally {
      clearTimeout(timeout);
      clearInterval(beat);
      stopSignal?.removeEventListener("abort", onStop);
    }
  }
  const error = verdict.error === null ? null : scrubSecrets(verdict.error, secrets);
  const stored = await storeVerdict(claim, verdict, error);
  await recordRunEnd(runId, row.id, stored ? verdict.runOutcome : "superseded", verdict.stats ?? null, stored ? error : "Ended after another worker took the source over; its result was discarded.");
  return stored ? verdict.runOutcome : "lost";
}

function prepare(collector: Collector, storedText: string): { ok: true; config: Record<string, unknown> } | { ok: false; error: unknown } {
  let plain: Record<string, unknown>;
  try {
    plain = openConfig(parseStoredConfig(storedText));
  } catch {
    return { ok: false, error: new CollectorError("The stored credentials could not be decrypted (was SECRETS_KEY changed without SECRETS_KEY_PREVIOUS?); enter them again.", "config") };
  }
  // Validated again at run time: a collector's schema may have changed since the config was saved.
  const v = validateConfig(collector, plain);
  if (!v.ok) return { ok: false, error: new CollectorError(`The configuration is no longer valid (${v.details.join("; ")}); edit the source.`, "config") };
  return { ok: true, config: v.config };
}

/** Writes the source row; a paused source stays paused (a person paused it while it ran). */
async function storeVerdict(claim: Claim, v: RunVerdict, error: string | null): Promise<boolean> {
  const current = await db().source.findUnique({ where: { id: claim.sourceId }, select: { state: true } });
  if (!current) return false;
  const now = new Date();
  const ok = v.runOutcome === "ok";
  const r = await db().source.updateMany({
    where: { id: claim.sourceId, leaseOwner: claim.owner },
    data: {
      leaseOwner: null,
      leaseUntil: null,
      state: current.state === "paused" ? "paused" : v.state,
      nextRunAt: v.nextRunAt,
      consecutiveFailures: v.consecutiveFailures,
      ...(ok
        ? { cursor: JSON.stringify(v.cursor ?? null), backfillDone: v.backfillDone ?? false, lastSuccessAt: now, lastError: null, lastErrorAt: null, ...(v.backfillDone ? { backfillProgress: 1 } : {}) }
        : { lastError: error, lastErrorAt: now }),
    },
  });
  return r.count === 1;
}

/** The run's progress callback: at most one write per half second, only while the run holds the lease. */
function progressWriter(claim: Claim): (fraction: number) => Promise<void> {
  let lastWrite = 0;
  return async (fraction: number) => {
    const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
    const t = Date.now();
    if (t - lastWrite < 500 && f < 1) return;
    lastWrite = t;
    await db().source.updateMany({ where: { id: claim.sourceId, leaseOwner: claim.owner }, data: { backfillProgress: f } });
  };
}
