/**
 * `npm run workers`: the background loops as their own process, for deployments on a ClickHouse
 * server (the embedded engine admits one process per data directory, so there they run inside the
 * web server instead). `--once` runs one pass of each and exits (for cron or a smoke test).
 */
import { isEmbedded } from "@/lib/config/env";
import { prepareStores } from "@/lib/runtime/prepare-stores";
import { WORKERS, startWorkers } from "./registry";

const log = (line: string) => console.log(`[workers] ${line}`);

if (isEmbedded() && !process.argv.includes("--allow-embedded")) {
  console.error(
    "CLICKHOUSE_URL is not set: with the embedded engine the workers run inside the web server (npm start).\n" +
      "Set CLICKHOUSE_URL to run them as their own process, or pass --allow-embedded when the server is stopped.",
  );
  process.exit(2);
}

await prepareStores({ log });
if (process.argv.includes("--once")) {
  for (const w of WORKERS) while (await w.run({ log }));
  process.exit(0);
}
const running = startWorkers({ log });
// The loops wait on unref'd timers (in the web server they must not keep it from exiting), so this
// process would otherwise end, with code 0, as soon as no query happened to be in flight.
const keepAlive = setInterval(() => undefined, 60_000);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    log(`${sig}: finishing the current pass`);
    clearInterval(keepAlive);
    void running.stop().then(() => process.exit(0));
  });
}
