-- CreateTable
CREATE TABLE "CounterFlush" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "flushedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "CounterFlush_flushedAt_idx" ON "CounterFlush"("flushedAt");

