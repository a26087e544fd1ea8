-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "deliveryLockedUntil" TIMESTAMP(3),
ADD COLUMN     "deliveryToken" TEXT;

-- CreateTable
CREATE TABLE "SessionTimer" (
    "id" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "timerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "channelId" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "SessionTimer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionTimer_status_dueAt_idx" ON "SessionTimer"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionTimer_sessionId_timerId_key" ON "SessionTimer"("sessionId", "timerId");

-- AddForeignKey
ALTER TABLE "SessionTimer" ADD CONSTRAINT "SessionTimer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

