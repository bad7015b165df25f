CREATE TABLE "case_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"dispute_id" uuid,
	"component" "allocation_component" NOT NULL,
	"charge_id" uuid,
	"amount_ore" bigint NOT NULL,
	"booked_on" date NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_credits_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "dispute_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"part" text NOT NULL,
	"disputed_ore" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "part" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "disputed_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "remedy" text;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "credited_ore" bigint;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "told_on" date;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "resumes_on" date;--> statement-breakpoint
ALTER TABLE "case_credits" ADD CONSTRAINT "case_credits_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_credits" ADD CONSTRAINT "case_credits_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_credits" ADD CONSTRAINT "case_credits_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_credits" ADD CONSTRAINT "case_credits_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_drafts" ADD CONSTRAINT "dispute_drafts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_drafts" ADD CONSTRAINT "dispute_drafts_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_credits_case_idx" ON "case_credits" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_drafts_debtor_case_idx" ON "dispute_drafts" USING btree ("debtor_id","case_id");--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_decided_by_staff_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "disputes_debtor_idx" ON "disputes" USING btree ("debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_one_open_idx" ON "disputes" USING btree ("case_id") WHERE "disputes"."status" = 'open';