import { z } from "zod";
import { orgOf, str, type Command, type Values } from "@/lib/cli-contract/command";
import { channelInputSchema } from "./channel-config";
import { createChannel, deleteChannel, listChannels } from "./channels";
import { sendTestNotification } from "./send-test";

/** `channels create|list|delete|test` for lib/cli (same services as the API; audited as actor "cli"). */


function parseConfig(text: string | undefined, url: string | undefined): Record<string, unknown> {
  let config: unknown = {};
  if (text) {
    try {
      config = JSON.parse(text);
    } catch {
      throw new Error(`--config: expected a JSON object, e.g. '{"url":"https://hooks.slack.com/services/..."}'`);
    }
  }
  if (!config || typeof config !== "object" || Array.isArray(config)) throw new Error("--config: expected a JSON object");
  return url ? { ...(config as Record<string, unknown>), url } : (config as Record<string, unknown>);
}

const channelId = z.string({ error: "--id: expected the channel id from `channels list`" }).min(1, "--id: expected the channel id from `channels list`");

export const CHANNEL_COMMANDS: Command[] = [
  {
    name: "channels create",
    summary: "Create an alert channel (slack, pagerduty, webhook, email); a webhook's signing secret is printed once.",
    usage: `channels create --type slack|pagerduty|webhook|email --name <name> [--url <url>] [--config '<json>'] [--org <id>]`,
    options: { type: str, name: str, url: str, config: str, org: str },
    async run(v) {
      const parsed = channelInputSchema.safeParse({ type: v.type, name: v.name, config: parseConfig(v.config as string | undefined, v.url as string | undefined), enabled: true });
      if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
      const r = await createChannel(await orgOf(v), "cli", parsed.data);
      if (!r.ok) throw new Error(r.details.join("; "));
      console.log(`Created ${r.created.channel.type} channel "${r.created.channel.name}", id ${r.created.channel.id} (${r.created.channel.display})`);
      if (r.created.secret) console.log(`Signing secret (verify webhook-signature with it; not shown again):\n${r.created.secret}`);
    },
  },
  {
    name: "channels list",
    summary: "List alert channels (never their secrets) with the last delivery outcome.",
    usage: "channels list [--org <id>]",
    options: { org: str },
    async run(v) {
      const channels = await listChannels(await orgOf(v));
      if (!channels.length) console.log("No channels.");
      for (const c of channels) {
        const last = c.lastDelivery ? `last ${c.lastDelivery.status} ${c.lastDelivery.at}` : "never used";
        console.log(`${c.id}  ${c.type.padEnd(9)} ${c.enabled ? "enabled " : "disabled"}  ${c.name}  (${c.display})  ${last}`);
      }
    },
  },
  {
    name: "channels delete",
    summary: "Delete a channel and its routing rules.",
    usage: "channels delete --id <channel id> [--org <id>]",
    options: { id: str, org: str },
    async run(v) {
      const id = channelId.parse(v.id);
      if (!(await deleteChannel(await orgOf(v), "cli", id))) throw new Error(`--id: no channel ${id} in this organization`);
      console.log(`Deleted channel ${id}.`);
    },
  },
  {
    name: "channels test",
    summary: "Send a sample alert on a channel now and print the outcome.",
    usage: "channels test --id <channel id> [--org <id>]",
    options: { id: str, org: str },
    async run(v) {
      const id = channelId.parse(v.id);
      const out = await sendTestNotification(await orgOf(v), id);
      if (!out) throw new Error(`--id: no channel ${id} in this organization`);
      console.log(out.ok ? `Delivered: ${out.message}` : `Failed: ${out.message}`);
      if (!out.ok) process.exitCode = 1;
    },
  },
];
