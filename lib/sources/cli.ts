import { z } from "zod";
import { flag, orgOf, str, type Command } from "@/lib/cli-contract/command";
import { db } from "@/lib/db/prisma";
import { getSource, listSources, runSourceNow } from "./sources";
import type { SourceView } from "./view";

/**
 * `sources list|run` for lib/cli. `run` schedules the source now; the workers run it (in the server
 * with the embedded engine, which admits one process), and `--wait` follows it to its end.
 */


const sourceId = z.string({ error: "--id: expected the source id from `sources list`" }).min(1, "--id: expected the source id from `sources list`");

function line(s: SourceView): string {
  const lag = s.lag_seconds === null ? "no data yet" : `lag ${s.lag_seconds}s`;
  const progress = s.backfill_done ? "" : ` backfill ${Math.round(s.backfill_progress * 100)}%`;
  const err = s.last_error ? `  last error: ${s.last_error}` : "";
  return `${s.id}  ${s.type.padEnd(17)} ${s.state.padEnd(11)} ${s.name}  last success ${s.last_success_at ?? "never"}, ${lag}, next ${s.next_run_at ?? "—"}${progress}${err}`;
}

export const SOURCE_COMMANDS: Command[] = [
  {
    name: "sources list",
    summary: "List data sources with their state, last success, lag, next run and last error (never their secrets).",
    usage: "sources list [--org <id>]",
    options: { org: str },
    async run(v) {
      const sources = await listSources(await orgOf(v));
      if (!sources.length) console.log("No sources.");
      for (const s of sources) console.log(line(s));
    },
  },
  {
    name: "sources run",
    summary: "Run a source now (a stopped one gets another try); --wait follows the run to its end.",
    usage: "sources run --id <source id> [--wait] [--org <id>]",
    options: { id: str, wait: flag, org: str },
    async run(v) {
      const orgId = await orgOf(v);
      const id = sourceId.parse(v.id);
      const before = await db().sourceRun.findFirst({ where: { sourceId: id }, orderBy: { startedAt: "desc" }, select: { id: true } });
      const r = await runSourceNow(orgId, "cli", id);
      if (!r.ok) throw new Error(r.error);
      console.log(`Scheduled ${r.value.name} (${r.value.type}) to run now; the workers pick it up within a few seconds.`);
      if (!v.wait) return;
      const deadline = Date.now() + 10 * 60_000;
      while (Date.now() < deadline) {
        await new Promise((res) => setTimeout(res, 1000));
        const run = await db().sourceRun.findFirst({ where: { sourceId: id }, orderBy: { startedAt: "desc" } });
        if (run && run.id !== before?.id && run.outcome !== "running") {
          const s = await getSource(orgId, id, 0);
          console.log(`Run ${run.outcome}${run.error ? `: ${run.error}` : ""}\n${s ? line(s) : ""}`);
          if (run.outcome !== "ok") process.exitCode = 1;
          return;
        }
      }
      throw new Error("no run finished within 10 minutes: are the workers running (npm start, or npm run workers)?");
    },
  },
];
