import "server-only";
import { SourceScheduler } from "@/lib/sources/scheduler";
import type { Worker } from "./types";

let scheduler: SourceScheduler | null = null;

/** Pulls and scrapes every source on its own schedule (lib/sources); a pass returns while runs continue. */
export const sourceRunsWorker: Worker = {
  name: "source-runs",
  intervalMs: 1000,
  run: async ({ log }) => (scheduler ??= new SourceScheduler()).pass(log),
  // Runs still going would keep their sources leased for SOURCE_LEASE_MS after a clean shutdown.
  stop: async () => scheduler?.stop(),
};
