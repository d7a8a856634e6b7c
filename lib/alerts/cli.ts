import { z } from "zod";
import { orgOf, type Command, type Values } from "@/lib/cli-contract/command";
import { alertSettingsSchema, alertTiming, setAlertTiming } from "./settings";
import { listAlerts } from "./queries";
import { ALERT_STATES } from "./payload";


const seconds = z.coerce.number({ error: "expected a whole number of seconds" }).int("expected a whole number of seconds");

/** Alert commands, listed in lib/cli/commands.ts. */
export const ALERT_COMMANDS: Command[] = [
  {
    name: "alerts settings",
    summary: "Show or set the organization's alert hold-off (before auto-resolve) and repeat interval (re-notify while unacknowledged).",
    usage: "alerts settings [--hold-off-seconds <n>] [--repeat-interval-seconds <n>] [--org <id>]",
    options: { "hold-off-seconds": { type: "string" }, "repeat-interval-seconds": { type: "string" }, org: { type: "string" } },
    async run(v) {
      const orgId = await orgOf(v);
      const current = await alertTiming(orgId);
      if (v["hold-off-seconds"] !== undefined || v["repeat-interval-seconds"] !== undefined) {
        const input = alertSettingsSchema.parse({
          hold_off_seconds: v["hold-off-seconds"] === undefined ? current.holdOffMs / 1000 : seconds.parse(v["hold-off-seconds"]),
          repeat_interval_seconds: v["repeat-interval-seconds"] === undefined ? current.repeatIntervalMs / 1000 : seconds.parse(v["repeat-interval-seconds"]),
        });
        await setAlertTiming(orgId, input);
      }
      const t = await alertTiming(orgId);
      console.log(`hold-off ${t.holdOffMs / 1000} s, repeat interval ${t.repeatIntervalMs / 1000} s`);
    },
  },
  {
    name: "alerts list",
    summary: "List the newest alerts (default: open ones).",
    usage: "alerts list [--state open|acknowledged|resolved] [--org <id>]",
    options: { state: { type: "string" }, org: { type: "string" } },
    async run(v) {
      const state = z.enum(ALERT_STATES, { error: `--state: expected one of ${ALERT_STATES.join(", ")}` }).parse(v.state ?? "open");
      const { alerts } = await listAlerts(await orgOf(v), { state, limit: 100 });
      if (!alerts.length) console.log(`No ${state} alerts.`);
      for (const a of alerts) console.log(`${a.id}  ${a.openedAt.toISOString()}  ${a.severity.padEnd(8)} ${a.kind.padEnd(16)} ${a.title}`);
    },
  },
];
