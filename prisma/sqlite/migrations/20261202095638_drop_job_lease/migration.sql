-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "JobLease";
PRAGMA foreign_keys=on;

