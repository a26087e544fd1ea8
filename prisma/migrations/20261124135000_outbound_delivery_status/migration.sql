-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "deliveryStatus" TEXT,
ADD COLUMN     "deliveryStatusAt" TIMESTAMP(3),
ADD COLUMN     "providerMessageId" TEXT;

-- CreateIndex
CREATE INDEX "Message_channelId_providerMessageId_idx" ON "Message"("channelId", "providerMessageId");

