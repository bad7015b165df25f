CREATE TYPE "public"."actor_kind" AS ENUM('debtor', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."allocation_component" AS ENUM('fee', 'interest', 'principal');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('open', 'in_plan', 'paid', 'closed', 'sent_to_enforcement');--> statement-breakpoint
CREATE TYPE "public"."channel" AS ENUM('kivra', 'sms', 'email', 'paper');--> statement-breakpoint
CREATE TYPE "public"."charge_kind" AS ENUM('reminder_fee', 'collection_fee', 'plan_fee', 'payment_order_application_fee', 'payment_order_legal_fee');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('open', 'upheld', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."instalment_status" AS ENUM('due', 'paid', 'late', 'missed', 'moved');--> statement-breakpoint
CREATE TYPE "public"."language" AS ENUM('sv', 'en');--> statement-breakpoint
CREATE TYPE "public"."message_author" AS ENUM('debtor', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sent', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."payment_method" AS ENUM('swish', 'card', 'bankgiro', 'manual');--> statement-breakpoint
CREATE TYPE "public"."payment_request_status" AS ENUM('created', 'paid', 'declined', 'error', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('booked', 'unmatched', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('awaiting_signature', 'requested', 'rejected', 'active', 'paused', 'lapsed', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('agent', 'supervisor');--> statement-breakpoint
CREATE TYPE "public"."thread_status" AS ENUM('waiting_for_us', 'waiting_for_debtor', 'closed');--> statement-breakpoint
CREATE TABLE "creditor_policies" (
	"creditor_id" uuid PRIMARY KEY NOT NULL,
	"min_instalment_ore" integer NOT NULL,
	"max_plan_months" integer NOT NULL,
	"max_due_date_shift_days" integer NOT NULL,
	"charge_plan_fee" boolean DEFAULT true NOT NULL,
	"allow_plan_pause" boolean DEFAULT false NOT NULL,
	"allocation_order" jsonb DEFAULT '["fees","interest","principal"]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "creditors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"org_number" text NOT NULL,
	"kind" text NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "debtors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"personal_number_hash" text NOT NULL,
	"personal_number_encrypted" text NOT NULL,
	"birth_date" date NOT NULL,
	"given_name" text NOT NULL,
	"surname" text NOT NULL,
	"email" text,
	"phone" text,
	"street" text,
	"postcode" text,
	"city" text,
	"preferred_channel" "channel" DEFAULT 'kivra' NOT NULL,
	"language" "language" DEFAULT 'sv' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "debtors_personal_number_hash_unique" UNIQUE("personal_number_hash")
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_number" text NOT NULL,
	"creditor_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"invoice_number" text NOT NULL,
	"invoice_date" date NOT NULL,
	"original_due_date" date NOT NULL,
	"description" text NOT NULL,
	"principal_ore" bigint NOT NULL,
	"ocr_reference" text NOT NULL,
	"status" "case_status" DEFAULT 'open' NOT NULL,
	"disputed" boolean DEFAULT false NOT NULL,
	"consumer" boolean DEFAULT true NOT NULL,
	"reminder_sent_on" date,
	"collection_letter_sent_on" date,
	"due_date" date NOT NULL,
	"due_date_moved_on" date,
	"payment_order_from" date,
	"interest_margin_bp" integer DEFAULT 800 NOT NULL,
	"interest_stopped_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_case_number_unique" UNIQUE("case_number"),
	CONSTRAINT "cases_ocr_reference_unique" UNIQUE("ocr_reference")
);
--> statement-breakpoint
CREATE TABLE "charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" charge_kind NOT NULL,
	"amount_ore" bigint NOT NULL,
	"charged_on" date NOT NULL,
	"legal_basis" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_rates" (
	"from_date" date PRIMARY KEY NOT NULL,
	"reference_rate_bp" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bgmax_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_hash" text NOT NULL,
	"file_timestamp" text NOT NULL,
	"payment_count" bigint NOT NULL,
	"total_ore" bigint NOT NULL,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bgmax_imports_file_hash_unique" UNIQUE("file_hash")
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"component" "allocation_component" NOT NULL,
	"charge_id" uuid,
	"amount_ore" bigint NOT NULL,
	"booked_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"targets" jsonb NOT NULL,
	"method" "payment_method" NOT NULL,
	"amount_ore" bigint NOT NULL,
	"status" "payment_request_status" DEFAULT 'created' NOT NULL,
	"external_id" text NOT NULL,
	"token" text,
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid,
	"method" "payment_method" NOT NULL,
	"status" "payment_status" DEFAULT 'booked' NOT NULL,
	"amount_ore" bigint NOT NULL,
	"currency" text DEFAULT 'SEK' NOT NULL,
	"idempotency_key" text NOT NULL,
	"external_reference" text,
	"ocr_reference" text,
	"payer_name" text,
	"booked_on" date NOT NULL,
	"source_channel" "channel",
	"overpayment_ore" bigint DEFAULT 0 NOT NULL,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instalment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"status" "plan_status" NOT NULL,
	"monthly_ore" bigint NOT NULL,
	"months" integer NOT NULL,
	"due_day" integer NOT NULL,
	"method" "payment_method" NOT NULL,
	"fee_ore" bigint DEFAULT 0 NOT NULL,
	"total_ore" bigint NOT NULL,
	"request_reason" text,
	"monthly_income_ore" bigint,
	"monthly_costs_ore" bigint,
	"signed_text" text,
	"signature" text,
	"signature_completion" jsonb,
	"signed_at" timestamp with time zone,
	"missed_in_a_row" integer DEFAULT 0 NOT NULL,
	"paused_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount_ore" bigint NOT NULL,
	"paid_ore" bigint DEFAULT 0 NOT NULL,
	"status" "instalment_status" DEFAULT 'due' NOT NULL,
	"ocr_reference" text NOT NULL,
	"moved_from" date,
	CONSTRAINT "instalments_ocr_reference_unique" UNIQUE("ocr_reference")
);
--> statement-breakpoint
CREATE TABLE "plan_cases" (
	"plan_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"live" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "plan_cases_plan_id_case_id_pk" PRIMARY KEY("plan_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"body" text NOT NULL,
	"status" "dispute_status" DEFAULT 'open' NOT NULL,
	"answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author" "message_author" NOT NULL,
	"staff_user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid,
	"subject" text NOT NULL,
	"status" "thread_status" DEFAULT 'waiting_for_us' NOT NULL,
	"callback_phone" text,
	"callback_window" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deep_link_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid,
	"channel" "channel" NOT NULL,
	"outbox_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_count" integer DEFAULT 0 NOT NULL,
	"last_opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deep_link_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"debtor_id" uuid NOT NULL,
	"case_id" uuid,
	"channel" "channel" NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"dedupe_key" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"personal_number_hash" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_users_personal_number_hash_unique" UNIQUE("personal_number_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"subject_kind" text,
	"subject_id" text,
	"debtor_id" uuid,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "bankid_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_ref" text NOT NULL,
	"kind" text NOT NULL,
	"purpose" text NOT NULL,
	"browser_binding_hash" text NOT NULL,
	"qr_start_token" text NOT NULL,
	"qr_start_secret" text NOT NULL,
	"auto_start_token" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"hint_code" text,
	"personal_number_hash" text,
	"completion" jsonb,
	"collect_count" integer DEFAULT 0 NOT NULL,
	"last_collected_at" timestamp with time zone,
	"user_visible_text" text,
	"same_device" boolean DEFAULT false NOT NULL,
	"consumed_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bankid_orders_order_ref_unique" UNIQUE("order_ref")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid,
	"personal_number_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "creditor_policies" ADD CONSTRAINT "creditor_policies_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_charge_id_charges_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."charges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_requests" ADD CONSTRAINT "payment_requests_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD CONSTRAINT "instalment_plans_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instalments" ADD CONSTRAINT "instalments_plan_id_instalment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."instalment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_cases" ADD CONSTRAINT "plan_cases_plan_id_instalment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."instalment_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_cases" ADD CONSTRAINT "plan_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deep_link_tokens" ADD CONSTRAINT "deep_link_tokens_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deep_link_tokens" ADD CONSTRAINT "deep_link_tokens_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deep_link_tokens" ADD CONSTRAINT "deep_link_tokens_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "debtors_surname_idx" ON "debtors" USING btree ("surname");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "cases_debtor_idx" ON "cases" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "cases_creditor_idx" ON "cases" USING btree ("creditor_id");--> statement-breakpoint
CREATE INDEX "cases_open_idx" ON "cases" USING btree ("status") WHERE "cases"."status" in ('open', 'in_plan');--> statement-breakpoint
CREATE INDEX "charges_case_idx" ON "charges" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_case_idx" ON "payment_allocations" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment_idx" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_requests_external_idx" ON "payment_requests" USING btree ("method","external_id");--> statement-breakpoint
CREATE INDEX "payment_requests_debtor_idx" ON "payment_requests" USING btree ("debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_key_idx" ON "payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "payments_case_idx" ON "payments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "payments_unmatched_idx" ON "payments" USING btree ("status") WHERE "payments"."status" = 'unmatched';--> statement-breakpoint
CREATE INDEX "instalment_plans_debtor_idx" ON "instalment_plans" USING btree ("debtor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instalments_plan_seq_idx" ON "instalments" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_cases_one_live_plan_idx" ON "plan_cases" USING btree ("case_id") WHERE "plan_cases"."live" = 1;--> statement-breakpoint
CREATE INDEX "disputes_case_idx" ON "disputes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "threads_debtor_idx" ON "threads" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "threads_status_idx" ON "threads" USING btree ("status","last_message_at");--> statement-breakpoint
CREATE INDEX "deep_link_tokens_debtor_idx" ON "deep_link_tokens" USING btree ("debtor_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "audit_events_debtor_idx" ON "audit_events" USING btree ("debtor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "bankid_orders_binding_idx" ON "bankid_orders" USING btree ("browser_binding_hash");