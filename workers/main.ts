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
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    log(`${sig}: finishing the current pass`);
    void running.stop().then(() => process.exit(0));
  });
}
