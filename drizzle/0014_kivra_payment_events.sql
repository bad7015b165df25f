CREATE TABLE "kivra_payment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" text NOT NULL,
	"content_key" text NOT NULL,
	"outbox_id" uuid,
	"reference" text NOT NULL,
	"amount_ore" integer NOT NULL,
	"payment_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kivra_payment_events_event_id_unique" UNIQUE("event_id")
);
--> statement-breakpoint
ALTER TABLE "kivra_payment_events" ADD CONSTRAINT "kivra_payment_events_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kivra_payment_events_reference_idx" ON "kivra_payment_events" USING btree ("reference");