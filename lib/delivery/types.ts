import { z } from "zod";
import { ALERT_KINDS, SEVERITIES, type Severity } from "@/lib/alert-contract/condition";

/** Types and validation shared by every delivery module (no data access here, so pages and tests import it freely). */

export const CHANNEL_TYPES = ["slack", "pagerduty", "webhook", "email"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

const httpUrl = z.url({ protocol: /^https?$/, error: "expected an http(s) URL" });

export const slackConfigSchema = z.strictObject({ url: httpUrl });
export const pagerdutyConfigSchema = z.strictObject({
  routing_key: z.string({ error: "expected the integration's routing key" }).min(1, "expected the integration's routing key").max(64),
  /** defaults to PagerDuty's Events API v2; tests point it at a local server */
  url: httpUrl.default("https://events.pagerduty.com/v2/enqueue"),
});
/** The signing secret is generated at creation (never supplied), so the schema takes only the URL. */
export const webhookConfigSchema = z.strictObject({ url: httpUrl });
export const emailConfigSchema = z.strictObject({
  host: z.string({ error: "expected the SMTP host name" }).min(1, "expected the SMTP host name").max(253),
  port: z.number({ error: "expected a port number" }).int().min(1).max(65535).default(587),
  /** true = TLS from the start (port 465); false = plain, upgraded with STARTTLS when the server offers it */
  secure: z.boolean({ error: "expected true or false" }).default(false),
  user: z.string().max(256).optional(),
  password: z.string().max(1024).optional(),
  from: z.email({ error: "expected a sender address" }),
  to: z.union([z.email({ error: "expected a recipient address" }), z.array(z.email({ error: "expected recipient addresses" })).min(1).max(50)]),
});

export type SlackConfig = z.infer<typeof slackConfigSchema>;
export type PagerdutyConfig = z.infer<typeof pagerdutyConfigSchema>;
export type WebhookConfig = z.infer<typeof webhookConfigSchema> & { secret: string };
export type EmailConfig = z.infer<typeof emailConfigSchema>;

/** What is stored encrypted per channel type. */
export type ChannelConfig =
  | { type: "slack"; config: SlackConfig }
  | { type: "pagerduty"; config: PagerdutyConfig }
  | { type: "webhook"; config: WebhookConfig }
  | { type: "email"; config: EmailConfig };

export const severitySchema = z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(", ")}` });
export const kindsSchema = z.array(z.enum(ALERT_KINDS, { error: `expected alert kinds among ${ALERT_KINDS.join(", ")}` })).max(ALERT_KINDS.length);
export const scopeMatcherSchema = z.record(
  z.string().min(1).max(64),
  z.string({ error: "expected a dimension value (text)" }).min(1).max(256),
);

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export type ScopeMatcher = Record<string, string>;
export type RuleView = { id: string; channelId: string; kinds: string[]; minSeverity: Severity; scope: ScopeMatcher; position: number; createdAt: string };
export type SilenceView = { id: string; scope: ScopeMatcher; kinds: string[]; reason: string; createdBy: string; expiresAt: string; createdAt: string; active: boolean };
export type ChannelView = {
  id: string;
  name: string;
  type: ChannelType;
  display: string;
  enabled: boolean;
  createdAt: string;
  lastDelivery: { status: "pending" | "sent" | "failed"; at: string; error: string | null } | null;
};

/** Outcome of one send attempt, as the outbox needs it to decide: done, retry later, or give up. */
export type SendOutcome =
  | { ok: true; status: number | null }
  | { ok: false; retry: boolean; status: number | null; error: string; retryAfterMs?: number };
