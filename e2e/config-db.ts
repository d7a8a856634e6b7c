/**
 * Direct reads and writes of the e2e server's configuration database, for the few checks that must
 * look beneath the API (a secret never stored in clear, a row planted as another process would).
 * SQL is written with quoted identifiers and `?` placeholders, which both SQLite and PostgreSQL take
 * once the placeholders are numbered for PostgreSQL.
 */
import Database from "better-sqlite3";
import path from "node:path";
import pg from "pg";

/** Another store than the e2e server's: a test's own PostgreSQL database, or its own data directory's SQLite file. */
export type ConfigStore = { databaseUrl?: string; dataDir: string };

export async function configQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = [], store?: ConfigStore): Promise<T[]> {
  const url = store ? store.databaseUrl : process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:/i.test(url)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let n = 0;
      return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(path.join(store?.dataDir ?? process.env.E2E_DATA_DIR!, "app.db"));
  try {
    const stmt = db.prepare(sql);
    return stmt.reader ? (stmt.all(...params) as T[]) : (stmt.run(...params), []);
  } finally {
    db.close();
  }
}
