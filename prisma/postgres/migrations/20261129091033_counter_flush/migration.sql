-- CreateTable
CREATE TABLE "CounterFlush" (
    "id" TEXT NOT NULL,
    "flushedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CounterFlush_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CounterFlush_flushedAt_idx" ON "CounterFlush"("flushedAt");

