import "server-only";
import type { SlackConfig, SendOutcome } from "../types";
import { absoluteLink, formatUsd, numberLines, scopeText } from "./links";
import { postJson } from "./http-post";
import { EVENT_WORDS, type OutgoingMessage } from "./message";

const SEVERITY_ICON = { info: ":information_source:", warning: ":warning:", critical: ":rotating_light:" } as const;

/** Escapes the three characters Slack mrkdwn treats as markup. */
function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Block Kit body for an incoming webhook: header, facts, numbers, cause rows with links, a button to the alert. */
export function slackBody(m: OutgoingMessage): Record<string, unknown> {
  const a = m.alert;
  const header = `${EVENT_WORDS[m.event]}: ${a.title}`.slice(0, 150);
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: header, emoji: true } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*Severity*\n${SEVERITY_ICON[a.severity]} ${a.severity}` },
        { type: "mrkdwn", text: `*Kind*\n${a.kind}` },
        { type: "mrkdwn", text: `*State*\n${a.state}` },
        { type: "mrkdwn", text: `*Scope*\n${esc(scopeText(a.scope))}` },
      ],
    },
  ];
  const numbers = numberLines(a);
  if (numbers.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: esc(numbers.join("\n")).slice(0, 3000) } });
  if (a.cause.length) {
    const rows = a.cause.slice(0, 8).map((c) => `• <${absoluteLink(a, c.url)}|${esc(`${c.dimension}=${c.value}`)}> ${formatUsd(c.impact_usd)} (${Math.round(c.share * 100)}%; volume ${formatUsd(c.volume_usd)}, mix ${formatUsd(c.mix_usd)}, size ${formatUsd(c.size_usd)})`);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: `*Cause*\n${rows.join("\n")}`.slice(0, 3000) } });
  }
  if (a.acknowledged_by) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `Acknowledged by ${esc(a.acknowledged_by)}` }] });
  blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open alert" }, url: a.url, style: a.severity === "critical" ? "danger" : "primary" }] });
  return { text: `[${a.severity}] ${header}`, blocks };
}

export function sendSlack(config: SlackConfig, m: OutgoingMessage): Promise<SendOutcome> {
  return postJson(config.url, JSON.stringify(slackBody(m)), {}, "Slack");
}
