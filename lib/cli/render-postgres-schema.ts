/** Writes prisma/postgresql/schema.prisma from prisma/schema.prisma (see lib/db/postgres-schema.ts). */
import fs from "node:fs";
import { POSTGRES_SCHEMA, renderPostgresSchemaFile } from "@/lib/db/postgres-schema";

fs.writeFileSync(POSTGRES_SCHEMA, renderPostgresSchemaFile());
console.log(`wrote ${POSTGRES_SCHEMA}`);
