CREATE TABLE "creditor_policy_versions" (
	"creditor_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"min_instalment_ore" integer NOT NULL,
	"max_plan_months" integer NOT NULL,
	"max_due_date_shift_days" integer NOT NULL,
	"charge_plan_fee" boolean NOT NULL,
	"allow_plan_pause" boolean NOT NULL,
	"reply_bank_days" integer NOT NULL,
	"allocation_order" jsonb NOT NULL,
	"changed_by" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "creditor_policy_versions_creditor_id_version_pk" PRIMARY KEY("creditor_id","version")
);
--> statement-breakpoint
CREATE TABLE "payment_promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"amount_ore" bigint NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"body_sv" text NOT NULL,
	"body_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid,
	"staff_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_item_views" (
	"work_item_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_item_views_work_item_id_staff_user_id_pk" PRIMARY KEY("work_item_id","staff_user_id")
);
--> statement-breakpoint
ALTER TABLE "creditor_policies" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "policy_versions" jsonb;--> statement-breakpoint
ALTER TABLE "creditor_policy_versions" ADD CONSTRAINT "creditor_policy_versions_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "creditor_policy_versions" ADD CONSTRAINT "creditor_policy_versions_changed_by_staff_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_promises" ADD CONSTRAINT "payment_promises_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notes" ADD CONSTRAINT "staff_notes_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_item_views" ADD CONSTRAINT "work_item_views_work_item_id_work_items_id_fk" FOREIGN KEY ("work_item_id") REFERENCES "public"."work_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_item_views" ADD CONSTRAINT "work_item_views_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payment_promises_open_idx" ON "payment_promises" USING btree ("due_on") WHERE "payment_promises"."status" = 'open';--> statement-breakpoint
CREATE INDEX "payment_promises_debtor_idx" ON "payment_promises" USING btree ("debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_templates_name_idx" ON "reply_templates" USING btree ("name");--> statement-breakpoint
CREATE INDEX "staff_notes_debtor_idx" ON "staff_notes" USING btree ("debtor_id","created_at");--> statement-breakpoint
CREATE INDEX "debtors_surname_lower_idx" ON "debtors" USING btree (lower("surname") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "debtors_given_name_lower_idx" ON "debtors" USING btree (lower("given_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "debtors_email_lower_idx" ON "debtors" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "debtors_phone_idx" ON "debtors" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "cases_invoice_number_idx" ON "cases" USING btree (upper("invoice_number"));--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "work_items_queue_order_idx" ON "work_items" USING btree (("status" = 'waiting_on_debtor'),"due_by","id") WHERE "work_items"."status" <> 'done';--> statement-breakpoint
CREATE INDEX "work_items_creditor_idx" ON "work_items" USING btree ("creditor_id","due_by") WHERE "work_items"."status" <> 'done';