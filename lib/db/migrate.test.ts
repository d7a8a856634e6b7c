import { openConfigDb, type ConfigDb } from "@/lib/auth/testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { sqliteUrl } from "./url";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

test("a reader is not blocked while another process holds the write lock (WAL)", () => {
  const file = sqliteUrl().slice("file:".length);
  const writer = new Database(file, { timeout: 100 });
  const reader = new Database(file, { timeout: 100 });
  try {
    // EXCLUSIVE is the lock a commit holds while it writes the file: with the rollback journal,
    // readers wait for it; in WAL mode it is the same as IMMEDIATE and readers go on.
    writer.exec("BEGIN EXCLUSIVE");
    writer.prepare("UPDATE Organization SET name = 'renamed in an open transaction'").run();
    // With the rollback journal this read fails with SQLITE_BUSY after the 100 ms timeout.
    const row = reader.prepare("SELECT name FROM Organization WHERE id = ?").get(cfg.orgId) as { name: string };
    assert.equal(row.name, "Test org", "the reader sees the last committed state");
    writer.exec("ROLLBACK");
  } finally {
    writer.close();
    reader.close();
  }
});
