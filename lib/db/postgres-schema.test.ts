import { strict as assert } from "node:assert";
import fs from "node:fs";
import { test } from "node:test";
import { POSTGRES_SCHEMA, renderPostgresSchema, renderPostgresSchemaFile } from "./postgres-schema";

test("the committed PostgreSQL schema is the rendering of prisma/schema.prisma (run `npm run db:render-postgresql`)", () => {
  assert.equal(fs.readFileSync(POSTGRES_SCHEMA, "utf8"), renderPostgresSchemaFile());
});

test("rendering switches the provider and the client's location, and nothing else", () => {
  const sqlite = 'generator client {\n  provider = "prisma-client"\n  output = "../lib/generated/prisma"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url = "file:./x.db"\n}\n\nmodel A {\n  id String @id\n}\n';
  const out = renderPostgresSchema(sqlite);
  assert.match(out, /provider = "postgresql"/);
  assert.match(out, /output = "\.\.\/\.\.\/lib\/generated\/prisma-postgresql"/);
  assert.ok(out.endsWith("model A {\n  id String @id\n}\n"));
  assert.throws(() => renderPostgresSchema(sqlite.replace('"sqlite"', '"mysql"')), /provider = "sqlite"/);
});
