ALTER TABLE "cases" ADD COLUMN "due_date_moved_from" date;--> statement-breakpoint
ALTER TABLE "payment_requests" ADD COLUMN "instalment_id" uuid;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "instalment_id" uuid;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "interest_estimate_ore" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "first_due_date" date;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "bankid_order_id" uuid;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "decided_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "replaces_plan_id" uuid;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "pauses_used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "instalment_plans" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "instalments" ADD COLUMN "paid_on" date;--> statement-breakpoint
ALTER TABLE "instalments" ADD COLUMN "rolled_from_seq" integer;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_instalment_id_instalments_id_fk" FOREIGN KEY ("instalment_id") REFERENCES "public"."instalments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "instalments_due_idx" ON "instalments" USING btree ("status","due_date");