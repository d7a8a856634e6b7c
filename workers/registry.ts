import "server-only";
import { recostJobsWorker } from "./recost-jobs";
import { deliveriesWorker } from "./deliveries";
import { alertRenotifyWorker } from "./alert-renotify";
import { budgetAlertsWorker, monitorAlertsWorker } from "./alert-evaluation";
import { sourceRunsWorker } from "./source-runs";
import { coverageAlertsWorker } from "./coverage-evaluation";
import { headroomAlertsWorker } from "./headroom-evaluation";
import { selfHostedPricingWorker } from "./selfhosted-pricing";
import { sloAlertsWorker } from "./slo-evaluation";
import { recommendationsWorker } from "./recommendations";
import type { Worker } from "./types";
import { isEmbedded } from "@/lib/config/env";
import { PROCESS_HOLDER, releaseLease, runAsLeader } from "@/lib/db/leases";

/** Every background loop of the product; each runs in the server (embedded) or in `npm run workers`. */
export const WORKERS: Worker[] = [
  // Each claims its own items under a lease (a job, a source, a notification): run in every process.
  recostJobsWorker,
  deliveriesWorker,
  sourceRunsWorker,
  // Whole-organization passes: one process at a time (see Worker.exclusive).
  ...[
    alertRenotifyWorker,
    budgetAlertsWorker,
    monitorAlertsWorker,
    coverageAlertsWorker,
    headroomAlertsWorker,
    selfHostedPricingWorker,
    sloAlertsWorker,
    recommendationsWorker,
  ].map((w): Worker => ({ ...w, exclusive: true })),
];

type Log = (line: string) => void;

/**
 * Starts each worker's loop. A failing pass is logged and retried at the next tick, never thrown:
 * a worker must not take the web server down with it.
 */
export function startWorkers({ log }: { log: Log }): { stop: () => Promise<void> } {
  let stopping = false;
  const loops = WORKERS.map(async (w) => {
    while (!stopping) {
      try {
        const busy = await runPass(w, log);
        if (busy) continue;
      } catch (err) {
        log(`${w.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      await sleep(w.intervalMs, () => stopping);
    }
    await w.stop?.();
    if (w.exclusive) await releaseLease(loopLease(w), PROCESS_HOLDER).catch(() => undefined); // hand over now, not at expiry
  });
  log(`started: ${WORKERS.map((w) => w.name).join(", ")}`);
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}

const loopLease = (w: Worker) => `worker:${w.name}`;

/** One pass; an exclusive loop's only in the process holding its lease (every process is alone when embedded). */
async function runPass(w: Worker, log: Log): Promise<boolean> {
  if (!w.exclusive || isEmbedded()) return w.run({ log });
  // Longer than the pause between passes, so the holder keeps it; a dead holder's loop skips about one pass.
  const held = await runAsLeader(loopLease(w), w.intervalMs + 30_000, () => w.run({ log }));
  return held?.value ?? false;
}

function sleep(ms: number, cancelled: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const step = Math.min(ms, 250);
    let waited = 0;
    const t = setInterval(() => {
      waited += step;
      if (waited >= ms || cancelled()) {
        clearInterval(t);
        resolve();
      }
    }, step);
    t.unref?.();
  });
}
