ALTER TABLE "dispute_drafts" ADD COLUMN "file_error" text;--> statement-breakpoint
ALTER TABLE "dispute_drafts" ADD COLUMN "file_error_name" text;