
-- CreateTable
CREATE TABLE "ProviderMapping" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "project" TEXT NOT NULL DEFAULT '',
    "team" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CoverageAlertSetting" (
    "orgId" TEXT NOT NULL PRIMARY KEY,
    "thresholdPercent" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ProviderMapping_orgId_idx" ON "ProviderMapping"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderMapping_orgId_provider_kind_externalId_key" ON "ProviderMapping"("orgId", "provider", "kind", "externalId");

