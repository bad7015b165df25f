-- Disputes made before amounts were recorded disputed the whole claim; an open one holds its case.
UPDATE "disputes" SET "disputed_ore" = "cases"."principal_ore" FROM "cases" WHERE "cases"."id" = "disputes"."case_id" AND "disputes"."disputed_ore" = 0;
--> statement-breakpoint
INSERT INTO "case_holds" ("case_id", "kind", "dispute_id", "reason", "started_at")
SELECT "d"."case_id", 'dispute', "d"."id", 'dispute', "d"."created_at" FROM "disputes" "d"
WHERE "d"."status" = 'open' AND NOT EXISTS (SELECT 1 FROM "case_holds" "h" WHERE "h"."dispute_id" = "d"."id");
