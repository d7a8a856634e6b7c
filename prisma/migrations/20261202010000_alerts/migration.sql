
-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "activeKey" TEXT,
    "latchKey" TEXT,
    "severity" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "numbers" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "series" TEXT,
    "sourceUrl" TEXT NOT NULL DEFAULT '',
    "sourceType" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "channelIds" TEXT NOT NULL DEFAULT '[]',
    "openedAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "acknowledgedAt" DATETIME,
    "acknowledgedBy" TEXT,
    "resolvedAt" DATETIME,
    "resolvedBy" TEXT,
    "resolution" TEXT,
    "clearSince" DATETIME,
    "snoozedUntil" DATETIME,
    "snoozeReason" TEXT,
    "lastNotifiedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AlertTimeline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "alertId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "type" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}'
);

-- CreateTable
CREATE TABLE "AlertSettings" (
    "orgId" TEXT NOT NULL PRIMARY KEY,
    "holdOffSeconds" INTEGER NOT NULL,
    "repeatIntervalSeconds" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Alert_activeKey_key" ON "Alert"("activeKey");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_latchKey_key" ON "Alert"("latchKey");

-- CreateIndex
CREATE INDEX "Alert_orgId_state_openedAt_idx" ON "Alert"("orgId", "state", "openedAt");

-- CreateIndex
CREATE INDEX "Alert_orgId_sourceType_sourceId_state_idx" ON "Alert"("orgId", "sourceType", "sourceId", "state");

-- CreateIndex
CREATE INDEX "Alert_orgId_dedupKey_idx" ON "Alert"("orgId", "dedupKey");

-- CreateIndex
CREATE INDEX "Alert_state_lastNotifiedAt_idx" ON "Alert"("state", "lastNotifiedAt");

-- CreateIndex
CREATE INDEX "Alert_snoozedUntil_idx" ON "Alert"("snoozedUntil");

-- CreateIndex
CREATE INDEX "AlertTimeline_alertId_at_idx" ON "AlertTimeline"("alertId", "at");

