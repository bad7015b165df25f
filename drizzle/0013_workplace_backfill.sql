-- Items that existed before the queue: plans asked for outside policy, payments nobody could place,
-- and overpayments still to pay back. Their deadlines count from when they arrived.
INSERT INTO "work_items" ("kind", "subject_id", "debtor_id", "case_id", "creditor_id", "due_by", "summary", "created_at")
SELECT 'plan_request', p."id", p."debtor_id", first_case."case_id", c."creditor_id", p."created_at" + interval '2 days', c."case_number", p."created_at"
FROM "instalment_plans" p
LEFT JOIN LATERAL (SELECT pc."case_id" FROM "plan_cases" pc WHERE pc."plan_id" = p."id" ORDER BY pc."case_id" LIMIT 1) first_case ON true
LEFT JOIN "cases" c ON c."id" = first_case."case_id"
WHERE p."status" = 'requested'
ON CONFLICT ("kind", "subject_id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_items" ("kind", "subject_id", "due_by", "summary", "created_at")
SELECT 'unmatched_payment', pay."id", pay."created_at" + interval '3 days', pay."ocr_reference", pay."created_at"
FROM "payments" pay
WHERE pay."status" = 'unmatched' AND pay."refunded_ore" < pay."amount_ore"
ON CONFLICT ("kind", "subject_id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "work_items" ("kind", "subject_id", "debtor_id", "case_id", "creditor_id", "due_by", "summary", "created_at")
SELECT 'overpayment', pay."id", c."debtor_id", c."id", c."creditor_id", pay."created_at" + interval '5 days', c."case_number", pay."created_at"
FROM "payments" pay
JOIN "cases" c ON c."id" = pay."case_id"
WHERE pay."status" = 'booked' AND pay."overpayment_ore" > pay."refunded_ore"
ON CONFLICT ("kind", "subject_id") DO NOTHING;
--> statement-breakpoint
-- Each policy as it is today is its first version; plans made so far were made under it.
INSERT INTO "creditor_policy_versions" ("creditor_id", "version", "min_instalment_ore", "max_plan_months", "max_due_date_shift_days", "charge_plan_fee", "allow_plan_pause", "reply_bank_days", "allocation_order", "created_at")
SELECT "creditor_id", "version", "min_instalment_ore", "max_plan_months", "max_due_date_shift_days", "charge_plan_fee", "allow_plan_pause", "reply_bank_days", "allocation_order", "updated_at"
FROM "creditor_policies"
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "instalment_plans" p SET "policy_versions" = sub."versions"
FROM (
  SELECT pc."plan_id", jsonb_object_agg(c."creditor_id"::text, cp."version") AS "versions"
  FROM "plan_cases" pc
  JOIN "cases" c ON c."id" = pc."case_id"
  JOIN "creditor_policies" cp ON cp."creditor_id" = c."creditor_id"
  GROUP BY pc."plan_id"
) sub
WHERE sub."plan_id" = p."id" AND p."policy_versions" IS NULL;
