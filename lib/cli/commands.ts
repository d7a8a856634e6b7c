import { z } from "zod";
import { flag, orgOf, str, type Command, type Values } from "@/lib/cli-contract/command";
import { recordAudit } from "@/lib/audit/record";
import { SCOPES, createApiKey, listApiKeys, revokeApiKey, setApiKeyLimits } from "@/lib/auth/api-keys";
import { limitField } from "@/lib/auth/key-limit-settings";
import { ROLES } from "@/lib/auth/roles";
import { emailSchema } from "@/lib/auth/email";
import { setUserDisabled, setUserPassword, setUserRole, userIdByEmail } from "@/lib/auth/users";
import { createUser } from "@/lib/bootstrap/users";
import { db } from "@/lib/db/prisma";
import { migrateConfigDb } from "@/lib/db/migrate";
import { enqueueRecost } from "@/lib/pricing/recost";
import { CHANNEL_COMMANDS } from "@/lib/delivery/cli";
import { ALERT_COMMANDS } from "@/lib/alerts/cli";
import { BUDGET_COMMANDS } from "@/lib/budgets/cli-commands";
import { SOURCE_COMMANDS } from "@/lib/sources/cli";

export type { Command } from "@/lib/cli-contract/command";
const orgId = orgOf;

const scopeList = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(SCOPES, { error: `expected a comma-separated list of ${SCOPES.join(", ")}` })).min(1));

const limitOptions = {
  "requests-per-minute": limitField("").optional(),
  "events-per-day": limitField("").optional(),
};

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO date, e.g. 2026-11-01").transform((s) => new Date(s));

export const COMMANDS: Command[] = [
  {
    name: "keys create",
    summary: "Create an API key; prints the key once (only its hash is stored).",
    usage: "keys create --name <name> [--scopes ingest,read,manage] [--requests-per-minute <n>] [--events-per-day <n>] [--org <id>] [--quiet]",
    options: { name: str, scopes: str, "requests-per-minute": str, "events-per-day": str, org: str, quiet: flag },
    async run(v) {
      const input = z
        .object({ name: z.string().min(1).max(100), scopes: scopeList.default(["ingest"]), ...limitOptions })
        .parse({ name: v.name, scopes: v.scopes, "requests-per-minute": v["requests-per-minute"], "events-per-day": v["events-per-day"] });
      const limits = { requestsPerMinute: input["requests-per-minute"], eventsPerDay: input["events-per-day"] };
      const key = await createApiKey({ orgId: await orgId(v), name: input.name, scopes: input.scopes, limits });
      await recordAudit({ orgId: await orgId(v), actor: "cli", action: "api_key.create", targetType: "api_key", targetId: key.id, after: { name: key.name, scopes: key.scopes, prefix: key.prefix, ...limits } });
      if (v.quiet) console.log(key.key);
      else console.log(`Created key "${key.name}" (${key.scopes.join(", ")}), id ${key.id}\n${key.key}\nStore it now: it is not shown again.`);
    },
  },
  {
    name: "keys list",
    summary: "List API keys (prefix, scopes, last use; never the key).",
    usage: "keys list [--org <id>]",
    options: { org: str },
    async run(v) {
      const keys = await listApiKeys(await orgId(v));
      if (!keys.length) console.log("No API keys.");
      for (const k of keys) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active";
        const limits = `${k.limits.requestsPerMinute}/min ${k.limits.eventsPerDay} events/day`;
        console.log(`${k.id}  ${k.prefix}…  ${k.scopes.join(",").padEnd(11)} ${state.padEnd(32)} ${limits}  last used ${k.lastUsedAt?.toISOString() ?? "never"}  ${k.name}`);
      }
    },
  },
  {
    name: "keys limits",
    summary: "Change a key's rate limit and daily event quota (\"default\" restores the default); servers apply it within 10 s.",
    usage: "keys limits --id <key id> [--requests-per-minute <n|default>] [--events-per-day <n|default>] [--org <id>]",
    options: { id: str, "requests-per-minute": str, "events-per-day": str, org: str },
    async run(v) {
      const id = z.string().min(1, "expected the key id from `keys list`").parse(v.id ?? "");
      const opt = (name: "requests-per-minute" | "events-per-day") => {
        const raw = v[name];
        if (raw === undefined) return undefined;
        if (raw === "default") return null;
        const parsed = limitField("").safeParse(raw);
        if (!parsed.success) throw new Error(`--${name}: ${parsed.error.issues[0].message}`);
        return parsed.data;
      };
      const limits = { requestsPerMinute: opt("requests-per-minute"), eventsPerDay: opt("events-per-day") };
      if (limits.requestsPerMinute === undefined && limits.eventsPerDay === undefined) throw new Error("give --requests-per-minute and/or --events-per-day");
      if (!(await setApiKeyLimits(await orgId(v), id, limits))) throw new Error(`--id: no key ${id}`);
      await recordAudit({ orgId: await orgId(v), actor: "cli", action: "api_key.limits", targetType: "api_key", targetId: id, after: limits });
      console.log(`Limits of ${id} changed.`);
    },
  },
  {
    name: "keys revoke",
    summary: "Revoke an API key by id (the server stops accepting it within 10 s).",
    usage: "keys revoke --id <key id> [--org <id>]",
    options: { id: str, org: str },
    async run(v) {
      const id = z.string().min(1, "expected the key id from `keys list`").parse(v.id ?? "");
      if (!(await revokeApiKey(await orgId(v), id))) throw new Error(`--id: no active key ${id}`);
      await recordAudit({ orgId: await orgId(v), actor: "cli", action: "api_key.revoke", targetType: "api_key", targetId: id, before: { revoked: false }, after: { revoked: true } });
      console.log(`Revoked ${id}.`);
    },
  },
  {
    name: "users create",
    summary: "Create a user; prints a generated password unless --password is given.",
    usage: `users create --email <email> --role <${ROLES.join("|")}> [--name <name>] [--password <pw>] [--org <id>]`,
    options: { email: str, role: str, name: str, password: str, org: str },
    async run(v) {
      const input = z
        .object({ email: emailSchema, role: z.enum(ROLES), name: z.string().optional(), password: z.string().min(8).optional() })
        .parse({ email: v.email, role: v.role, name: v.name, password: v.password });
      const { user, password } = await createUser({ orgId: await orgId(v), email: input.email, name: input.name ?? input.email, role: input.role, password: input.password });
      await recordAudit({ orgId: user.orgId, actor: "cli", action: "user.create", targetType: "user", targetId: user.id, after: { email: user.email, role: user.role } });
      console.log(`Created ${user.email} (${user.role}).${input.password ? "" : `\nPassword: ${password}`}`);
    },
  },
  {
    name: "users list",
    summary: "List users and roles.",
    usage: "users list [--org <id>]",
    options: { org: str },
    async run(v) {
      const users = await db().user.findMany({ where: { orgId: await orgId(v) }, orderBy: { email: "asc" } });
      for (const u of users) {
        const seen = u.lastSignInAt ? `last sign-in ${u.lastSignInAt.toISOString()}` : "never signed in";
        console.log(`${u.email.padEnd(32)} ${u.role.padEnd(9)} ${(u.disabledAt ? "disabled" : "active").padEnd(9)} ${seen}`);
      }
    },
  },
  {
    name: "users password",
    summary: "Set a user's password (generated and printed when --password is omitted); ends their sessions.",
    usage: "users password --email <email> [--password <pw>]",
    options: { email: str, password: str },
    async run(v) {
      await migrateConfigDb();
      const input = z.object({ email: emailSchema, password: z.string().min(8).max(512).optional() }).parse({ email: v.email, password: v.password });
      const password = input.password ?? (await import("node:crypto")).randomBytes(12).toString("base64url");
      const user = await userIdByEmail(null, input.email);
      await setUserPassword(user.orgId, user.id, password);
      console.log(input.password ? "Password changed; existing sessions ended." : `New password: ${password}\nExisting sessions ended.`);
    },
  },
  {
    name: "users disable",
    summary: "Disable a user: their sessions end at once and they cannot sign in (keys they made keep working).",
    usage: "users disable --email <email>",
    options: { email: str },
    async run(v) {
      await migrateConfigDb();
      const email = emailSchema.parse(v.email ?? "");
      const user = await userIdByEmail(null, email);
      const r = await setUserDisabled(user.orgId, user.id, true);
      if (r.changed) await recordAudit({ orgId: user.orgId, actor: "cli", action: "user.disable", targetType: "user", targetId: user.id, before: { email: r.email, disabled: false }, after: { email: r.email, disabled: true } });
      console.log(r.changed ? `Disabled ${r.email}; their sessions have ended.` : `${r.email} was already disabled.`);
    },
  },
  {
    name: "users enable",
    summary: "Enable a disabled user again.",
    usage: "users enable --email <email>",
    options: { email: str },
    async run(v) {
      await migrateConfigDb();
      const email = emailSchema.parse(v.email ?? "");
      const user = await userIdByEmail(null, email);
      const r = await setUserDisabled(user.orgId, user.id, false);
      if (r.changed) await recordAudit({ orgId: user.orgId, actor: "cli", action: "user.enable", targetType: "user", targetId: user.id, before: { email: r.email, disabled: true }, after: { email: r.email, disabled: false } });
      console.log(r.changed ? `Enabled ${r.email}.` : `${r.email} was already active.`);
    },
  },
  {
    name: "users role",
    summary: "Change a user's role; it applies to their next request.",
    usage: `users role --email <email> --role <${ROLES.join("|")}>`,
    options: { email: str, role: str },
    async run(v) {
      await migrateConfigDb();
      const input = z.object({ email: emailSchema, role: z.enum(ROLES) }).parse({ email: v.email, role: v.role });
      const user = await userIdByEmail(null, input.email);
      const r = await setUserRole(user.orgId, user.id, input.role);
      if (r.changed) await recordAudit({ orgId: user.orgId, actor: "cli", action: "user.role", targetType: "user", targetId: user.id, before: { email: r.email, role: r.previousRole }, after: { email: r.email, role: input.role } });
      console.log(r.changed ? `${r.email} is now ${input.role}.` : `${r.email} already has the ${input.role} role.`);
    },
  },
  {
    name: "orgs list",
    summary: "List organizations and their ids.",
    usage: "orgs list",
    options: {},
    async run() {
      await migrateConfigDb();
      for (const o of await db().organization.findMany({ orderBy: { createdAt: "asc" } })) console.log(`${o.id}  ${o.name}`);
    },
  },
  {
    name: "recost queue",
    summary: "Queue a re-cost of a time range with current prices; the server's workers run it.",
    usage: "recost queue --from <date> --to <date> [--org <id>]",
    options: { from: str, to: str, org: str },
    async run(v) {
      const input = z.object({ from: isoDate, to: isoDate }).parse({ from: v.from, to: v.to });
      const job = await enqueueRecost(await orgId(v), input.from, input.to, "command line");
      console.log(`Queued re-cost ${job.id} for ${input.from.toISOString()} .. ${input.to.toISOString()}.`);
    },
  },
  ...CHANNEL_COMMANDS,
  ...ALERT_COMMANDS,
  ...BUDGET_COMMANDS,
  ...SOURCE_COMMANDS,
];
