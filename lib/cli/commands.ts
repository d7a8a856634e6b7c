import { z } from "zod";
import { SCOPES, createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { ROLES } from "@/lib/auth/roles";
import { emailSchema } from "@/lib/auth/email";
import { hashPassword } from "@/lib/auth/password";
import { createUser } from "@/lib/bootstrap/users";
import { db } from "@/lib/db/prisma";
import { migrateConfigDb } from "@/lib/db/migrate";
import { enqueueRecost } from "@/lib/pricing/recost";

type Values = Record<string, string | boolean | undefined>;
type OptionSpec = Record<string, { type: "string" | "boolean" }>;
export type Command = { name: string; summary: string; usage: string; options: OptionSpec; run: (v: Values) => Promise<void> };

const str = { type: "string" } as const;
const flag = { type: "boolean" } as const;

async function orgId(v: Values): Promise<string> {
  migrateConfigDb();
  if (typeof v.org === "string") {
    const org = await db().organization.findUnique({ where: { id: v.org } });
    if (!org) throw new Error(`--org: no organization with id ${v.org}`);
    return org.id;
  }
  const orgs = await db().organization.findMany({ orderBy: { createdAt: "asc" }, take: 2 });
  if (orgs.length === 0) throw new Error("no organization yet: start the server once (npm start) or run `orgs create --name <name>`");
  if (orgs.length > 1) throw new Error("several organizations exist: pass --org <id> (see `orgs list`)");
  return orgs[0].id;
}

const scopeList = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(SCOPES, { error: `expected a comma-separated list of ${SCOPES.join(", ")}` })).min(1));

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO date, e.g. 2026-11-01").transform((s) => new Date(s));

export const COMMANDS: Command[] = [
  {
    name: "keys create",
    summary: "Create an API key; prints the key once (only its hash is stored).",
    usage: "keys create --name <name> [--scopes ingest,read] [--org <id>] [--quiet]",
    options: { name: str, scopes: str, org: str, quiet: flag },
    async run(v) {
      const input = z.object({ name: z.string().min(1).max(100), scopes: scopeList.default(["ingest"]) }).parse({ name: v.name, scopes: v.scopes });
      const key = await createApiKey({ orgId: await orgId(v), name: input.name, scopes: input.scopes });
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
        console.log(`${k.id}  ${k.prefix}…  ${k.scopes.join(",").padEnd(11)} ${state.padEnd(32)} last used ${k.lastUsedAt?.toISOString() ?? "never"}  ${k.name}`);
      }
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
      for (const u of users) console.log(`${u.email.padEnd(32)} ${u.role.padEnd(9)} ${u.disabledAt ? "disabled" : "active"}`);
    },
  },
  {
    name: "users password",
    summary: "Set a user's password (generated and printed when --password is omitted).",
    usage: "users password --email <email> [--password <pw>]",
    options: { email: str, password: str },
    async run(v) {
      migrateConfigDb();
      const input = z.object({ email: emailSchema, password: z.string().min(8).optional() }).parse({ email: v.email, password: v.password });
      const password = input.password ?? (await import("node:crypto")).randomBytes(12).toString("base64url");
      const res = await db().user.updateMany({ where: { email: input.email.toLowerCase() }, data: { passwordHash: await hashPassword(password) } });
      if (res.count === 0) throw new Error(`--email: no user ${input.email}`);
      console.log(input.password ? "Password changed." : `New password: ${password}`);
    },
  },
  {
    name: "orgs list",
    summary: "List organizations and their ids.",
    usage: "orgs list",
    options: {},
    async run() {
      migrateConfigDb();
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
];
