-- An allocation points at its payment and that payment's case in one key: one check per row instead
-- of two, and an allocation can no longer name a case other than its payment's.
CREATE UNIQUE INDEX "payments_id_case_idx" ON "payments" USING btree ("id","case_id");--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_case_fk" FOREIGN KEY ("payment_id","case_id") REFERENCES "public"."payments"("id","case_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" DROP CONSTRAINT "payment_allocations_payment_id_payments_id_fk";--> statement-breakpoint
ALTER TABLE "payment_allocations" DROP CONSTRAINT "payment_allocations_case_id_cases_id_fk";
