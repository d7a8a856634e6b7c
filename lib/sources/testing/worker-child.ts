/**
 * A worker process for the crash test: runs the source scheduler on the DATA_DIR it inherits with a
 * collector that reports the cursor it was handed ("STARTED <json>" on stdout) and then hangs, so the
 * parent can SIGKILL it mid-run.
 */
import { registerCollector } from "@/lib/sources/collector-registry";
import { SourceScheduler } from "@/lib/sources/scheduler";
import { sourceRunSettings } from "@/lib/sources/settings";
import { testCollector } from "./collectors";

registerCollector(
  testCollector("openai", (ctx) => {
    process.stdout.write(`STARTED ${JSON.stringify(ctx.cursor)}\n`);
    return new Promise(() => undefined);
  }),
);
const sched = new SourceScheduler(sourceRunSettings());
for (;;) await sched.pass(() => undefined, 50);
