import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseFlavor, databaseUrl } from "./lib/db/url";

// The JS query engine with a driver adapter is what lets Prisma run offline (no engine download).
// DATABASE_URL picks SQLite or PostgreSQL; both schemas are rendered from prisma/schema.prisma.
const url = databaseUrl();
const flavor = databaseFlavor(url);
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: flavor.schema,
  migrations: { path: flavor.migrations },
  adapter: async () => (flavor.provider === "postgresql" ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
