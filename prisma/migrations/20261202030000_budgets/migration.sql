
-- CreateTable
CREATE TABLE "Budget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '{}',
    "amountUsd" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "fiscalYearStartMonth" INTEGER NOT NULL DEFAULT 1,
    "weekStartsOn" INTEGER NOT NULL DEFAULT 1,
    "thresholds" TEXT NOT NULL DEFAULT '[50,75,90,100]',
    "forecastAlerts" BOOLEAN NOT NULL DEFAULT true,
    "blockAtPercent" INTEGER NOT NULL DEFAULT 100,
    "channelIds" TEXT NOT NULL DEFAULT '[]',
    "parentId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "Budget_orgId_deletedAt_idx" ON "Budget"("orgId", "deletedAt");

-- CreateIndex
CREATE INDEX "Budget_parentId_idx" ON "Budget"("parentId");

