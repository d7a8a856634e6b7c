import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { at: number; headers: Record<string, string>; body: string };

/** A local HTTP receiver that records every request (answering 200), as a webhook endpoint would. */
export async function startWebhookReceiver(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      received.push({ at: Date.now(), headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** The Standard Webhooks headers of a received request, as `Webhook.verify` takes them. */
export function signatureHeaders(r: Received) {
  return { "webhook-id": r.headers["webhook-id"], "webhook-timestamp": r.headers["webhook-timestamp"], "webhook-signature": r.headers["webhook-signature"] };
}
