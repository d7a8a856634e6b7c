
-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "config" TEXT NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'backfilling',
    "cursor" TEXT,
    "backfillDone" BOOLEAN NOT NULL DEFAULT false,
    "backfillProgress" REAL NOT NULL DEFAULT 0,
    "lastRunAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastError" TEXT,
    "lastErrorAt" DATETIME,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "nextRunAt" DATETIME,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SourceRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "stats" TEXT,
    "error" TEXT,
    "leaseOwner" TEXT
);

-- CreateIndex
CREATE INDEX "Source_orgId_idx" ON "Source"("orgId");

-- CreateIndex
CREATE INDEX "Source_nextRunAt_idx" ON "Source"("nextRunAt");

-- CreateIndex
CREATE UNIQUE INDEX "Source_orgId_name_key" ON "Source"("orgId", "name");

-- CreateIndex
CREATE INDEX "SourceRun_sourceId_startedAt_idx" ON "SourceRun"("sourceId", "startedAt");

-- CreateIndex
CREATE INDEX "SourceRun_orgId_idx" ON "SourceRun"("orgId");

