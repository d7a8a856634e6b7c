import "server-only";
import { z } from "zod";
import { openJson, sealJson } from "@/lib/secrets/secret-box";
import { newWebhookSecret } from "./senders/webhook";
import { CHANNEL_TYPES, emailConfigSchema, pagerdutyConfigSchema, slackConfigSchema, webhookConfigSchema, type ChannelConfig, type ChannelType } from "./types";

export const channelInputSchema = z.strictObject({
  type: z.enum(CHANNEL_TYPES, { error: `expected one of ${CHANNEL_TYPES.join(", ")}` }),
  name: z.string({ error: "expected a name (text)" }).trim().min(1, "expected a name of 1 to 100 characters").max(100, "expected a name of 1 to 100 characters"),
  config: z.record(z.string(), z.unknown(), { error: "expected an object with the channel's settings" }),
  enabled: z.boolean({ error: "expected true or false" }).default(true),
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

const SCHEMAS = { slack: slackConfigSchema, pagerduty: pagerdutyConfigSchema, webhook: webhookConfigSchema, email: emailConfigSchema };

export type ConfigProblem = { ok: false; details: string[] };

/** Validates a channel's config for its type; a webhook gets its signing secret here (never supplied). */
export function buildChannelConfig(type: ChannelType, raw: unknown): { ok: true; channel: ChannelConfig } | ConfigProblem {
  const parsed = SCHEMAS[type].safeParse(raw);
  if (!parsed.success) return { ok: false, details: parsed.error.issues.map((i) => `config.${i.path.join(".") || "(root)"}: ${i.message}`) };
  if (type === "webhook") return { ok: true, channel: { type, config: { ...(parsed.data as z.infer<typeof webhookConfigSchema>), secret: newWebhookSecret() } } };
  return { ok: true, channel: { type, config: parsed.data } as ChannelConfig };
}

function tail(s: string): string {
  return s.length > 4 ? s.slice(-4) : "";
}

/** A summary that identifies the channel without revealing anything that would let someone post to it. */
export function displayOf(c: ChannelConfig): string {
  switch (c.type) {
    case "slack":
    case "webhook": {
      const u = new URL(c.config.url);
      return `${u.host}/…/${tail(u.pathname + u.search)}`;
    }
    case "pagerduty": {
      const host = new URL(c.config.url).host;
      return `routing key …${tail(c.config.routing_key)}${host === "events.pagerduty.com" ? "" : ` via ${host}`}`;
    }
    case "email": {
      const to = Array.isArray(c.config.to) ? c.config.to.join(", ") : c.config.to;
      return `${to} via ${c.config.host}:${c.config.port}`;
    }
  }
}

/** Every secret string in a config, so error texts can be scrubbed of them before they are stored or shown. */
export function secretsOf(c: ChannelConfig): string[] {
  switch (c.type) {
    case "slack":
      return [c.config.url, new URL(c.config.url).pathname];
    case "webhook":
      return [c.config.secret, c.config.url, new URL(c.config.url).pathname + new URL(c.config.url).search];
    case "pagerduty":
      return [c.config.routing_key];
    case "email":
      return c.config.password ? [c.config.password] : [];
  }
}

export function scrub(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4 && s !== "/") out = out.split(s).join("[redacted]");
  return out;
}

export function sealChannelConfig(c: ChannelConfig): string {
  return sealJson(c.config);
}

export function openChannelConfig(type: string, configEnc: string): ChannelConfig {
  return { type: type as ChannelType, config: openJson(configEnc) } as ChannelConfig;
}
