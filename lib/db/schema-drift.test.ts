import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { strict as assert } from "node:assert";
import { after, before, test } from "node:test";
import { db, usesPostgres } from "./prisma";
import { Prisma } from "@/lib/generated/prisma/client";

let cfg: ConfigDb;
before(async () => (cfg = await openConfigDb()));
after(() => cfg.close());

/**
 * The migrations (SQLite's, or PostgreSQL's in the PostgreSQL pass) build every table and column the
 * schema declares: reading one row of each model selects every scalar column, so a migration that
 * missed one fails here rather than on a user's first request.
 */
test("every model of the schema can be read from a freshly migrated database", async () => {
  const client = db() as unknown as Record<string, { findFirst(): Promise<unknown> }>;
  const models = Object.values(Prisma.ModelName);
  assert.ok(models.length > 20, `expected the whole model, got ${models.length} models`);
  for (const model of models) {
    const delegate = client[model.charAt(0).toLowerCase() + model.slice(1)];
    await assert.doesNotReject(delegate.findFirst(), `${model} (${usesPostgres() ? "PostgreSQL" : "SQLite"})`);
  }
});
