import { openConfigDb } from "@/lib/auth/testing/config-db";
import { after, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

const cfg = await openConfigDb();
const { db } = await import("@/lib/db/prisma");
const { createChannel } = await import("./channels");
const { enqueueAlertNotifications } = await import("./enqueue");
const { sampleAlert } = await import("./testing/sample-alert");
const { driveUntilSettled, FAST } = await import("./testing/drive");

const received: { mail: ParsedMail; rcpt: string[]; user: string | undefined }[] = [];
let rejectNext = 0;
const server = new SMTPServer({
  disabledCommands: ["STARTTLS"],
  authOptional: true,
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, _session, cb) {
    if (auth.username === "alerts" && auth.password === "smtp-pass-SECRET") cb(null, { user: auth.username });
    else cb(new Error("Invalid username or password"));
  },
  onData(stream, session, cb) {
    if (rejectNext > 0) {
      rejectNext--;
      stream.resume();
      stream.on("end", () => cb(Object.assign(new Error("try again later"), { responseCode: 451 })));
      return;
    }
    simpleParser(stream).then((mail) => {
      received.push({ mail, rcpt: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined });
      cb();
    }, cb);
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.server.address() as AddressInfo).port;
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await cfg.close();
});

async function emailChannel(password: string) {
  const r = await createChannel(cfg.orgId, "cli", {
    type: "email",
    name: "on-call mail",
    config: { host: "127.0.0.1", port, secure: false, user: "alerts", password, from: "alerts@finops.local", to: ["oncall@example.com", "lead@example.com"] },
    enabled: true,
  });
  assert.ok(r.ok, JSON.stringify(r));
  return r.created.channel.id;
}

test("email over SMTP: authenticated, HTML and plain text with the cause and the link", async () => {
  const ch = await emailChannel("smtp-pass-SECRET");
  rejectNext = 1; // a 451 first: temporary, retried
  const alert = sampleAlert({ id: "mail-1" });
  await db().$transaction((tx) => enqueueAlertNotifications(tx, { orgId: cfg.orgId, alert, event: "alert.opened", channelIds: [ch] }));
  const ids = (await db().notification.findMany({ where: { alertId: "mail-1" } })).map((n) => n.id);
  await driveUntilSettled(ids, FAST);
  const row = await db().notification.findUniqueOrThrow({ where: { id: ids[0] } });
  assert.equal(row.status, "sent");
  assert.equal(row.attempts, 2);
  assert.equal(received.length, 1);
  const { mail, rcpt, user } = received[0];
  assert.equal(user, "alerts");
  assert.deepEqual(rcpt.sort(), ["lead@example.com", "oncall@example.com"]);
  assert.equal(mail.subject, "[critical] Opened: Spend on feature=search is 4.2× its expected level");
  assert.ok(mail.text?.includes("model=gpt-4.1") && mail.text.includes("http://localhost:3000/alerts/alert_sample"));
  assert.ok(typeof mail.html === "string" && mail.html.includes('<a href="http://localhost:3000/?feature=search&amp;model=gpt-4.1">model=gpt-4.1</a>'));
  assert.equal(mail.messageId, `<${ids[0]}@llm-finops>`);
});

test("refused credentials (535) fail at once, and the password appears nowhere", async () => {
  const ch = await emailChannel("wrong-pass-SECRET");
  const alert = sampleAlert({ id: "mail-2" });
  await db().$transaction((tx) => enqueueAlertNotifications(tx, { orgId: cfg.orgId, alert, event: "alert.opened", channelIds: [ch] }));
  const ids = (await db().notification.findMany({ where: { alertId: "mail-2" } })).map((n) => n.id);
  await driveUntilSettled(ids, FAST);
  const row = await db().notification.findUniqueOrThrow({ where: { id: ids[0] } });
  assert.equal(row.status, "failed");
  assert.equal(row.attempts, 1);
  assert.match(row.lastError ?? "", /refused the credentials \(535/);
  assert.ok(!JSON.stringify(row).includes("wrong-pass-SECRET"));
  const chRow = await db().channel.findUniqueOrThrow({ where: { id: ch } });
  assert.ok(!chRow.configEnc.includes("wrong-pass-SECRET") && !chRow.display.includes("wrong-pass"));
});
