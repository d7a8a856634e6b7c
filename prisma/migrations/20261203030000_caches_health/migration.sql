
-- CreateTable
CREATE TABLE "ProviderHealthSetting" (
    "orgId" TEXT NOT NULL PRIMARY KEY,
    "headroomAlertPercent" INTEGER NOT NULL DEFAULT 10,
    "headroomAlertMinutes" INTEGER NOT NULL DEFAULT 10,
    "updatedAt" DATETIME NOT NULL
);

