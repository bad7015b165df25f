CREATE TABLE "experiment_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"experiment_id" uuid NOT NULL,
	"arm" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"creditor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"arm_a" text NOT NULL,
	"arm_b" text NOT NULL,
	"salt" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_by" uuid,
	"stopped_at" timestamp with time zone,
	"winner" text,
	"policy_version" integer
);
--> statement-breakpoint
CREATE TABLE "insight_cube" (
	"letter_on" date NOT NULL,
	"creditor_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"due_group" text NOT NULL,
	"age_band" text NOT NULL,
	"cases" integer NOT NULL,
	"eligible5" integer NOT NULL,
	"paid5" integer NOT NULL,
	"eligible14" integer NOT NULL,
	"paid14" integer NOT NULL,
	"eligible30" integer NOT NULL,
	"paid30" integer NOT NULL,
	"paid" integer NOT NULL,
	"in_plan" integer NOT NULL,
	"disputed" integer NOT NULL,
	"on_hold" integer NOT NULL,
	"enforcement" integer NOT NULL,
	"plans_kept" integer NOT NULL,
	"plans_lapsed" integer NOT NULL,
	CONSTRAINT "insight_cube_letter_on_creditor_id_channel_due_group_age_band_pk" PRIMARY KEY("letter_on","creditor_id","channel","due_group","age_band")
);
--> statement-breakpoint
CREATE TABLE "insight_experiment_arms" (
	"experiment_id" uuid NOT NULL,
	"arm" text NOT NULL,
	"cases" integer NOT NULL,
	"eligible14" integer NOT NULL,
	"paid14" integer NOT NULL,
	CONSTRAINT "insight_experiment_arms_experiment_id_arm_pk" PRIMARY KEY("experiment_id","arm")
);
--> statement-breakpoint
CREATE TABLE "insight_refreshes" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"as_of" date NOT NULL,
	"cases" integer NOT NULL,
	"took_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insight_reply_cube" (
	"asked_on" date NOT NULL,
	"creditor_id" uuid NOT NULL,
	"threads" integer NOT NULL,
	"answered" integer NOT NULL,
	"on_time" integer NOT NULL,
	"hours_sum" double precision NOT NULL,
	"hours_squares" double precision NOT NULL,
	CONSTRAINT "insight_reply_cube_asked_on_creditor_id_pk" PRIMARY KEY("asked_on","creditor_id")
);
--> statement-breakpoint
ALTER TABLE "creditor_policies" ADD COLUMN "default_due_day" integer DEFAULT 26 NOT NULL;--> statement-breakpoint
ALTER TABLE "creditor_policies" ADD COLUMN "letter_wording" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "creditor_policies" ADD COLUMN "reminder_days_before" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "letter_wording" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reminder_days_before" integer;--> statement-breakpoint
ALTER TABLE "creditor_policy_versions" ADD COLUMN "default_due_day" integer DEFAULT 26 NOT NULL;--> statement-breakpoint
ALTER TABLE "creditor_policy_versions" ADD COLUMN "letter_wording" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "creditor_policy_versions" ADD COLUMN "reminder_days_before" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "experiment_cases" ADD CONSTRAINT "experiment_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_cases" ADD CONSTRAINT "experiment_cases_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_creditor_id_creditors_id_fk" FOREIGN KEY ("creditor_id") REFERENCES "public"."creditors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_started_by_staff_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_stopped_by_staff_users_id_fk" FOREIGN KEY ("stopped_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insight_experiment_arms" ADD CONSTRAINT "insight_experiment_arms_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_cases_experiment_idx" ON "experiment_cases" USING btree ("experiment_id","arm");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_one_running_idx" ON "experiments" USING btree ("creditor_id") WHERE "experiments"."status" = 'running';--> statement-breakpoint
CREATE INDEX "insight_cube_creditor_idx" ON "insight_cube" USING btree ("creditor_id","letter_on");--> statement-breakpoint
CREATE INDEX "outbox_case_letter_idx" ON "outbox" USING btree ("case_id") WHERE "outbox"."kind" = 'collection_letter';