
-- CreateTable
CREATE TABLE "Monitor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dimension" TEXT NOT NULL DEFAULT '',
    "scope" TEXT NOT NULL DEFAULT '{}',
    "minSpendUsd" TEXT NOT NULL DEFAULT '0',
    "kinds" TEXT NOT NULL DEFAULT '["anomaly"]',
    "sensitivity" TEXT NOT NULL DEFAULT 'medium',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "channelIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME
);

-- CreateTable
CREATE TABLE "MonitorRun" (
    "monitorId" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "evaluatedAt" DATETIME NOT NULL,
    "seriesWatched" INTEGER NOT NULL,
    "conditions" INTEGER NOT NULL,
    "error" TEXT
);

-- CreateIndex
CREATE INDEX "Monitor_orgId_idx" ON "Monitor"("orgId");

-- CreateIndex
CREATE INDEX "MonitorRun_orgId_idx" ON "MonitorRun"("orgId");

