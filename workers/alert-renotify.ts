import "server-only";
import { runRenotifyPass } from "@/lib/alerts/renotify";
import type { Worker } from "./types";

/** Ends snoozes and re-sends unacknowledged alerts every repeat interval; a minute's lateness is fine for a 4 h repeat. */
export const alertRenotifyWorker: Worker = {
  name: "alert-renotify",
  intervalMs: 30_000,
  run: async () => (await runRenotifyPass()).more,
};
