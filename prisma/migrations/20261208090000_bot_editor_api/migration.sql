-- The bot editor's API: who saved a bot's draft last (Bot.draftUpdatedBy), and per
-- published version the publisher's note and the draft as written (BotVersion.note, source).

-- AlterTable
ALTER TABLE "Bot" ADD COLUMN     "draftUpdatedBy" TEXT;

-- AlterTable
ALTER TABLE "BotVersion" ADD COLUMN     "note" TEXT,
ADD COLUMN     "source" JSONB;

