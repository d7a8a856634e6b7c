import "server-only";
import type { ChannelConfig, SendOutcome } from "../types";
import { sendEmail } from "./email";
import type { OutgoingMessage } from "./message";
import { sendPagerduty } from "./pagerduty";
import { sendSlack } from "./slack";
import { sendWebhook } from "./webhook";

/** One attempt to deliver a message on a channel, in that channel's wire format. */
export function sendOn(channel: ChannelConfig, m: OutgoingMessage): Promise<SendOutcome> {
  switch (channel.type) {
    case "slack":
      return sendSlack(channel.config, m);
    case "pagerduty":
      return sendPagerduty(channel.config, m);
    case "webhook":
      return sendWebhook(channel.config, m);
    case "email":
      return sendEmail(channel.config, m);
  }
}
