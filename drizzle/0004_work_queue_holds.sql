CREATE TYPE "public"."case_hold_kind" AS ENUM('dispute', 'staff_hold');--> statement-breakpoint
CREATE TYPE "public"."work_item_kind" AS ENUM('message', 'callback', 'dispute', 'complaint', 'data_access', 'plan_request', 'unmatched_payment', 'overpayment', 'broken_promise');--> statement-breakpoint
CREATE TYPE "public"."work_item_status" AS ENUM('open', 'waiting_on_debtor', 'done');--> statement-breakpoint
ALTER TYPE "public"."staff_role" ADD VALUE 'admin';--> statement-breakpoint
CREATE TABLE "work_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "work_item_kind" NOT NULL,
	"subject_id" uuid NOT NULL,
	"debtor_id" uuid,
	"case_id" uuid,
	"creditor_id" uuid,
	"status" "work_item_status" DEFAULT 'open' NOT NULL,
	"due_by" timestamp with time zone NOT NULL,
	"paused_at" timestamp with time zone,
	"assigned_to" uuid,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" "case_hold_kind" NOT NULL,
	"dispute_id" uuid,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_on" date,
	"lifted_at" timestamp with time zone,
	"created_by" uuid,
	"lifted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "debtor_support_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail_encrypted" text,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by" uuid
);
--> statement-breakpoint
ALTER TABLE "creditor_policies" ADD COLUMN "reply_bank_days" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_assigned_to_staff_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_holds" ADD CONSTRAINT "case_holds_lifted_by_staff_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_support_needs" ADD CONSTRAINT "debtor_support_needs_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_support_needs" ADD CONSTRAINT "debtor_support_needs_set_by_staff_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "debtor_support_needs" ADD CONSTRAINT "debtor_support_needs_cleared_by_staff_users_id_fk" FOREIGN KEY ("cleared_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "work_items_subject_idx" ON "work_items" USING btree ("kind","subject_id");--> statement-breakpoint
CREATE INDEX "work_items_open_due_idx" ON "work_items" USING btree ("due_by") WHERE "work_items"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "work_items_assignee_idx" ON "work_items" USING btree ("assigned_to","due_by") WHERE "work_items"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "work_items_debtor_idx" ON "work_items" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "case_holds_active_idx" ON "case_holds" USING btree ("case_id") WHERE "case_holds"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "debtor_support_needs_active_idx" ON "debtor_support_needs" USING btree ("debtor_id") WHERE "debtor_support_needs"."cleared_at" is null;