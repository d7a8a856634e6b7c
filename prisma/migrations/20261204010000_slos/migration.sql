
-- CreateTable
CREATE TABLE "Slo" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '{}',
    "kind" TEXT NOT NULL,
    "threshold" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL DEFAULT '',
    "target" REAL NOT NULL,
    "windowType" TEXT NOT NULL DEFAULT 'rolling',
    "windowDays" INTEGER NOT NULL DEFAULT 30,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Slo_orgId_deletedAt_idx" ON "Slo"("orgId", "deletedAt");

