-- CreateTable
CREATE TABLE "SessionCall" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "botId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "call" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),

    CONSTRAINT "SessionCall_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SessionCall_status_createdAt_idx" ON "SessionCall"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SessionCall_channelId_contact_status_idx" ON "SessionCall"("channelId", "contact", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SessionCall_sessionId_key_key" ON "SessionCall"("sessionId", "key");

-- AddForeignKey
ALTER TABLE "SessionCall" ADD CONSTRAINT "SessionCall_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session"("id") ON DELETE CASCADE ON UPDATE CASCADE;

