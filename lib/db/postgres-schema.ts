/**
 * The PostgreSQL schema is rendered from prisma/schema.prisma (the one source of the model) by
 * switching the datasource provider and the generated client's location; nothing else differs,
 * because the model keeps to portable types. The rendered file is committed so that `prisma
 * migrate diff` can author PostgreSQL migrations from it, and a test keeps it equal to the rendering.
 */
import fs from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join("prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join("prisma", "postgresql", "schema.prisma");

const HEADER = "// Rendered from prisma/schema.prisma by `npm run db:render-postgresql`: edit that file, not this one.\n";

export function renderPostgresSchema(sqliteSchema: string): string {
  const provider = /(datasource db \{[^}]*provider\s*=\s*)"sqlite"/;
  const output = /(generator client \{[^}]*output\s*=\s*)"\.\.\/lib\/generated\/prisma"/;
  if (!provider.test(sqliteSchema)) throw new Error(`${SQLITE_SCHEMA}: expected datasource db with provider = "sqlite"`);
  if (!output.test(sqliteSchema)) throw new Error(`${SQLITE_SCHEMA}: expected generator client with output = "../lib/generated/prisma"`);
  return (
    HEADER +
    sqliteSchema
      .replace(provider, '$1"postgresql"')
      .replace(output, '$1"../../lib/generated/prisma-postgresql"')
      .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://placeholder"')
  );
}

export function renderPostgresSchemaFile(root = process.cwd()): string {
  return renderPostgresSchema(fs.readFileSync(path.join(root, SQLITE_SCHEMA), "utf8"));
}
