-- AlterTable: two columns added in place (what Prisma's table redefinition would produce, without copying the table)
ALTER TABLE "RecostJob" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "RecostJob" ADD COLUMN "nextAttemptAt" DATETIME;
