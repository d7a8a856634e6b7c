import "server-only";
import { isEmbedded, env } from "@/lib/config/env";
import { prepareStores } from "./prepare-stores";
import { startWorkers } from "@/workers/registry";
import { storedIdIndex } from "@/lib/ingest/stored-id-index";

// On globalThis because Next.js bundles instrumentation and route handlers separately, each with
// its own copy of this module, and dev-mode reloads call register() again in the same process.
const g = globalThis as typeof globalThis & { __finopsRuntime?: Promise<void> };

/** Idempotent within a process. */
export function startServerRuntime(): Promise<void> {
  g.__finopsRuntime ??= (async () => {
    await prepareStores({ log: (line) => console.log(`[startup] ${line}`) });
    storedIdIndex(); // starts loading the ingest id index in the background (embedded mode)
    const embeddedWorkers = env().EMBEDDED_WORKERS ?? (isEmbedded() ? "1" : "0");
    if (embeddedWorkers === "1") startWorkers({ log: (line) => console.log(`[workers] ${line}`) });
  })();
  return g.__finopsRuntime;
}
