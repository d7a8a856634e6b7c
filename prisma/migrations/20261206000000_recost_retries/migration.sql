-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RecostJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "fromTs" DATETIME NOT NULL,
    "toTs" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "eventsScanned" INTEGER NOT NULL DEFAULT 0,
    "eventsChanged" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME,
    CONSTRAINT "RecostJob_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RecostJob" ("createdAt", "error", "eventsChanged", "eventsScanned", "finishedAt", "fromTs", "id", "orgId", "reason", "status", "toTs") SELECT "createdAt", "error", "eventsChanged", "eventsScanned", "finishedAt", "fromTs", "id", "orgId", "reason", "status", "toTs" FROM "RecostJob";
DROP TABLE "RecostJob";
ALTER TABLE "new_RecostJob" RENAME TO "RecostJob";
CREATE INDEX "RecostJob_orgId_status_idx" ON "RecostJob"("orgId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

