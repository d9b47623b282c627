-- DropTable
DROP TABLE "JobLease";

