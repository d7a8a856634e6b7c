import "server-only";
import nodemailer from "nodemailer";
import type { EmailConfig, SendOutcome } from "../types";
import { absoluteLink, formatUsd, numberLines, scopeText } from "./links";
import { SEND_TIMEOUT_MS } from "./http-post";
import { EVENT_WORDS, type OutgoingMessage } from "./message";

function html(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function emailContent(m: OutgoingMessage): { subject: string; text: string; html: string } {
  const a = m.alert;
  const subject = `[${a.severity}] ${EVENT_WORDS[m.event]}: ${a.title}`.slice(0, 250);
  const causes = a.cause.slice(0, 10).map((c) => ({ label: `${c.dimension}=${c.value}`, impact: formatUsd(c.impact_usd), share: `${Math.round(c.share * 100)}%`, url: absoluteLink(a, c.url) }));
  const text = [
    `${EVENT_WORDS[m.event]}: ${a.title}`,
    `Severity: ${a.severity}   Kind: ${a.kind}   State: ${a.state}`,
    `Scope: ${scopeText(a.scope)}`,
    "",
    ...numberLines(a),
    ...(causes.length ? ["", "Cause:", ...causes.map((c) => `  ${c.label}  ${c.impact} (${c.share})  ${c.url}`)] : []),
    "",
    `Open the alert: ${a.url}`,
    `Event id: ${m.id}`,
  ].join("\n");
  const body = `<h2>${html(`${EVENT_WORDS[m.event]}: ${a.title}`)}</h2>
<p><b>Severity</b> ${html(a.severity)} &middot; <b>Kind</b> ${html(a.kind)} &middot; <b>State</b> ${html(a.state)}<br><b>Scope</b> ${html(scopeText(a.scope))}</p>
${numberLines(a).length ? `<ul>${numberLines(a).map((l) => `<li>${html(l)}</li>`).join("")}</ul>` : ""}
${causes.length ? `<h3>Cause</h3><table cellpadding="4"><tr><th align="left">Dimension</th><th align="right">Impact</th><th align="right">Share</th></tr>${causes.map((c) => `<tr><td><a href="${html(c.url)}">${html(c.label)}</a></td><td align="right">${html(c.impact)}</td><td align="right">${c.share}</td></tr>`).join("")}</table>` : ""}
<p><a href="${html(a.url)}">Open the alert</a></p>`;
  return { subject, text, html: body };
}

/**
 * SMTP replies 4xx are temporary by definition (RFC 5321 §4.2.1) and network failures may clear;
 * 5xx replies (bad recipient, refused credentials) will not, so they are not retried.
 */
export async function sendEmail(config: EmailConfig, m: OutgoingMessage): Promise<SendOutcome> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
    logger: false,
  });
  const content = emailContent(m);
  try {
    await transport.sendMail({ from: config.from, to: config.to, ...content, messageId: `<${m.id}@llm-finops>`, headers: { "X-LLM-FinOps-Event-Id": m.id } });
    return { ok: true, status: null };
  } catch (err) {
    const e = err as { responseCode?: number; code?: string; response?: string };
    if (typeof e.responseCode === "number") {
      const temporary = e.responseCode >= 400 && e.responseCode < 500;
      const what = e.code === "EAUTH" ? "refused the credentials" : temporary ? "deferred the message" : "refused the message";
      return { ok: false, retry: temporary, status: e.responseCode, error: `SMTP server ${what} (${e.responseCode}${e.response ? ` ${e.response.slice(0, 160)}` : ""})${temporary ? "; will retry" : "; not retried"}` };
    }
    const code = e.code ?? "error";
    const reason = code === "ECONNECTION" || code === "ESOCKET" ? "could not be reached" : code === "ETIMEDOUT" ? "did not answer in time" : `failed (${code})`;
    return { ok: false, retry: true, status: null, error: `SMTP server ${reason}; will retry` };
  } finally {
    transport.close();
  }
}
