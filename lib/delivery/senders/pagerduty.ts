import "server-only";
import type { AlertEvent } from "@/lib/alert-contract/condition";
import type { PagerdutyConfig, SendOutcome } from "../types";
import { absoluteLink, scopeText } from "./links";
import { postJson } from "./http-post";
import type { OutgoingMessage } from "./message";

const ACTION: Record<AlertEvent, "trigger" | "acknowledge" | "resolve"> = {
  "alert.opened": "trigger",
  "alert.updated": "trigger",
  "alert.acknowledged": "acknowledge",
  "alert.resolved": "resolve",
};

/**
 * Events API v2 body. The alert's dedup_key ties trigger, acknowledge and resolve to one PagerDuty
 * alert (an update re-triggers the same key, which PagerDuty folds into the open alert).
 * Acknowledge and resolve need only routing_key, dedup_key and event_action.
 */
export function pagerdutyBody(routingKey: string, m: OutgoingMessage): Record<string, unknown> {
  const a = m.alert;
  const action = ACTION[m.event];
  const base = { routing_key: routingKey, event_action: action, dedup_key: a.dedup_key.slice(0, 255) };
  if (action !== "trigger") return base;
  let source = "llm-finops";
  try {
    source = new URL(a.url).host || source;
  } catch {
    // keep the product name
  }
  return {
    ...base,
    payload: {
      summary: a.title.slice(0, 1024),
      source,
      severity: a.severity,
      timestamp: a.updated_at,
      component: scopeText(a.scope),
      group: a.kind,
      class: a.kind,
      custom_details: { scope: a.scope, numbers: a.numbers, cause: a.cause.slice(0, 10).map((c) => ({ ...c, url: absoluteLink(a, c.url) })), state: a.state },
    },
    client: "LLM FinOps",
    client_url: a.url,
    links: [{ href: a.url, text: "Open the alert in LLM FinOps" }, ...a.cause.slice(0, 3).map((c) => ({ href: absoluteLink(a, c.url), text: `${c.dimension}=${c.value}` }))],
  };
}

export function sendPagerduty(config: PagerdutyConfig, m: OutgoingMessage): Promise<SendOutcome> {
  return postJson(config.url, JSON.stringify(pagerdutyBody(config.routing_key, m)), {}, "PagerDuty");
}
