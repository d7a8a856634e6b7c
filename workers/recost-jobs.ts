import "server-only";
import { runNextQueuedRecost } from "@/lib/pricing/recost";
import type { Worker } from "./types";

export const recostJobsWorker: Worker = {
  name: "recost-jobs",
  intervalMs: 2000,
  run: () => runNextQueuedRecost(),
};
