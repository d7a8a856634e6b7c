
-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "gpuPricePerHourUsd" TEXT NOT NULL,
    "gpuPricing" TEXT NOT NULL DEFAULT '{}',
    "pricingKind" TEXT NOT NULL DEFAULT 'on_demand',
    "match" TEXT NOT NULL DEFAULT '{}',
    "endpoints" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Deployment_orgId_idx" ON "Deployment"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_orgId_name_key" ON "Deployment"("orgId", "name");

