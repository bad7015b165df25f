CREATE TYPE "public"."callback_outcome" AS ENUM('reached', 'no_answer', 'wrong_number');--> statement-breakpoint
CREATE TYPE "public"."callback_status" AS ENUM('requested', 'cancelled', 'done');--> statement-breakpoint
CREATE TYPE "public"."person_request_kind" AS ENUM('complaint', 'data_access');--> statement-breakpoint
CREATE TYPE "public"."person_request_status" AS ENUM('open', 'answered');--> statement-breakpoint
CREATE TABLE "message_drafts" (
	"debtor_id" uuid NOT NULL,
	"subject_key" text NOT NULL,
	"body" text NOT NULL,
	"error_code" text,
	"error_file" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_drafts_debtor_id_subject_key_pk" PRIMARY KEY("debtor_id","subject_key")
);
--> statement-breakpoint
CREATE TABLE "callback_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid,
	"phone" text NOT NULL,
	"day" date NOT NULL,
	"start_hour" integer NOT NULL,
	"end_hour" integer NOT NULL,
	"topic" text NOT NULL,
	"status" "callback_status" DEFAULT 'requested' NOT NULL,
	"outcome" "callback_outcome",
	"outcome_note" text,
	"staff_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "person_request_kind" NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid,
	"body" text DEFAULT '' NOT NULL,
	"status" "person_request_status" DEFAULT 'open' NOT NULL,
	"due_on" date NOT NULL,
	"answer" text,
	"data_export" jsonb,
	"staff_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "reply_due_on" date;--> statement-breakpoint
ALTER TABLE "threads" ADD COLUMN "handled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "message_drafts" ADD CONSTRAINT "message_drafts_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_requests" ADD CONSTRAINT "callback_requests_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_requests" ADD CONSTRAINT "callback_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_requests" ADD CONSTRAINT "callback_requests_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_requests" ADD CONSTRAINT "person_requests_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_requests" ADD CONSTRAINT "person_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_requests" ADD CONSTRAINT "person_requests_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_requests_debtor_idx" ON "callback_requests" USING btree ("debtor_id","created_at");--> statement-breakpoint
CREATE INDEX "person_requests_debtor_idx" ON "person_requests" USING btree ("debtor_id","created_at");--> statement-breakpoint
ALTER TABLE "threads" DROP COLUMN "subject";--> statement-breakpoint
ALTER TABLE "threads" DROP COLUMN "callback_phone";--> statement-breakpoint
ALTER TABLE "threads" DROP COLUMN "callback_window";--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_subject_unique" UNIQUE NULLS NOT DISTINCT("debtor_id","case_id");