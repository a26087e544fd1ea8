-- CreateTable
CREATE TABLE "ClientCertificate" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "certificate" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "ca" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClientCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClientCertificate_workspaceId_name_key" ON "ClientCertificate"("workspaceId", "name");

-- AddForeignKey
ALTER TABLE "ClientCertificate" ADD CONSTRAINT "ClientCertificate_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

