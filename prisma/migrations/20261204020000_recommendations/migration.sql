
-- CreateTable
CREATE TABLE "Recommendation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "evidenceHref" TEXT NOT NULL,
    "monthlySavingsUsd" TEXT NOT NULL,
    "scenario" TEXT,
    "savingsMethod" TEXT NOT NULL,
    "confidence" TEXT NOT NULL,
    "risk" TEXT NOT NULL,
    "ownerTeam" TEXT,
    "overlapGroup" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "dismissReason" TEXT,
    "stale" BOOLEAN NOT NULL DEFAULT false,
    "implementedAt" DATETIME,
    "realizedSavingsUsd" TEXT,
    "realizedDetail" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RecommendationEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "recommendationId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT
);

-- CreateTable
CREATE TABLE "FeatureSetting" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "interactive" BOOLEAN NOT NULL DEFAULT true,
    "ownerTeam" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Recommendation_orgId_status_idx" ON "Recommendation"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_orgId_key_key" ON "Recommendation"("orgId", "key");

-- CreateIndex
CREATE INDEX "RecommendationEvent_recommendationId_at_idx" ON "RecommendationEvent"("recommendationId", "at");

-- CreateIndex
CREATE INDEX "RecommendationEvent_orgId_idx" ON "RecommendationEvent"("orgId");

-- CreateIndex
CREATE INDEX "FeatureSetting_orgId_idx" ON "FeatureSetting"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "FeatureSetting_orgId_feature_key" ON "FeatureSetting"("orgId", "feature");

