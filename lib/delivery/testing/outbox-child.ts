/**
 * A separate process for the restart test: `record <orgId> <channelId> <alertId>` records a
 * notification and then idles until killed; `work` runs the deliveries worker's passes until killed.
 * DATA_DIR comes from the parent, so both use the same SQLite file.
 */
import { db } from "@/lib/db/prisma";
import { deliveriesWorker } from "@/workers/deliveries";
import { enqueueAlertNotifications } from "../enqueue";
import { sampleAlert } from "./sample-alert";

const [mode, orgId, channelId, alertId] = process.argv.slice(2);

if (mode === "record") {
  const alert = sampleAlert({ id: alertId, dedup_key: `key-${alertId}` });
  await db().$transaction((tx) => enqueueAlertNotifications(tx, { orgId, alert, event: "alert.opened", channelIds: [channelId] }));
  console.log("recorded");
  setInterval(() => undefined, 1000);
} else if (mode === "work") {
  console.log("working");
  for (;;) {
    const busy = await deliveriesWorker.run({ log: (l) => console.log(l) });
    if (!busy) await new Promise((r) => setTimeout(r, 100));
  }
} else {
  console.error(`unknown mode ${mode}`);
  process.exit(2);
}
