import "server-only";
import { db } from "./prisma";
import { migrateConfigDb } from "./migrate";

/**
 * The organization a command-line call acts on: the one named by `--org`, or the only one there is.
 * Shared by every capability's CLI commands so they refuse the same way.
 */
export async function resolveOrgOption(org: string | boolean | undefined): Promise<string> {
  await migrateConfigDb();
  if (typeof org === "string") {
    const row = await db().organization.findUnique({ where: { id: org } });
    if (!row) throw new Error(`--org: no organization with id ${org}`);
    return row.id;
  }
  const orgs = await db().organization.findMany({ orderBy: { createdAt: "asc" }, take: 2 });
  if (orgs.length === 0) throw new Error("no organization yet: start the server once (npm start)");
  if (orgs.length > 1) throw new Error("several organizations exist: pass --org <id> (see `orgs list`)");
  return orgs[0].id;
}
