-- DropIndex
DROP INDEX "Person_workspaceId_email_idx";

-- DropIndex
DROP INDEX "Person_workspaceId_phone_idx";

-- DropIndex
DROP INDEX "Conversation_sessionId_idx";

-- CreateTable
CREATE TABLE "ConversationTag" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationTag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConversationTag_workspaceId_name_key" ON "ConversationTag"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_workspaceId_email_key" ON "Person"("workspaceId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_workspaceId_phone_key" ON "Person"("workspaceId", "phone");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_sessionId_key" ON "Conversation"("sessionId");

-- AddForeignKey
ALTER TABLE "ConversationTag" ADD CONSTRAINT "ConversationTag_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

