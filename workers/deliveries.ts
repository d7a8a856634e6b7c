import "server-only";
import { runOutboxPass } from "@/lib/delivery/outbox";
import type { Worker } from "./types";

/** Sends the notification outbox; a full batch runs again at once, an empty one waits a second. */
export const deliveriesWorker: Worker = {
  name: "deliveries",
  intervalMs: 1000,
  run: async ({ log }) => (await runOutboxPass({ log })).claimed > 0,
};
