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

/** Every background loop of the product; each runs in the server (embedded) or in `npm run workers`. */
export const WORKERS: Worker[] = [
  recostJobsWorker,
  deliveriesWorker,
  alertRenotifyWorker,
  budgetAlertsWorker,
  monitorAlertsWorker,
  sourceRunsWorker,
  coverageAlertsWorker,
  headroomAlertsWorker,
  selfHostedPricingWorker,
  sloAlertsWorker,
  recommendationsWorker,
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
        const busy = await w.run({ log });
        if (busy) continue;
      } catch (err) {
        log(`${w.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      await sleep(w.intervalMs, () => stopping);
    }
    await w.stop?.();
  });
  log(`started: ${WORKERS.map((w) => w.name).join(", ")}`);
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
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
