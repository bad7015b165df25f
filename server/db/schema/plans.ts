import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { instalmentStatusEnum, paymentMethodEnum, planStatusEnum } from "./enums";

export const instalmentPlans = pgTable(
  "instalment_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    status: planStatusEnum("status").notNull(),
    monthlyOre: bigint("monthly_ore", { mode: "number" }).notNull(),
    months: integer("months").notNull(),
    dueDay: integer("due_day").notNull(),
    method: paymentMethodEnum("method").notNull(),
    feeOre: bigint("fee_ore", { mode: "number" }).notNull().default(0),
    totalOre: bigint("total_ore", { mode: "number" }).notNull(),
    /** Why the debtor asks for a plan outside policy, and their own budget if they gave it. */
    requestReason: text("request_reason"),
    monthlyIncomeOre: bigint("monthly_income_ore", { mode: "number" }),
    monthlyCostsOre: bigint("monthly_costs_ore", { mode: "number" }),
    signedText: text("signed_text"),
    signature: text("signature"),
    signatureCompletion: jsonb("signature_completion").$type<Record<string, unknown>>(),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    /** The interest estimated to accrue over the plan, shown before signing. */
    interestEstimateOre: bigint("interest_estimate_ore", { mode: "number" }).notNull().default(0),
    firstDueDate: date("first_due_date", { mode: "string" }),
    /** The BankID sign order that signed it. */
    bankidOrderId: uuid("bankid_order_id"),
    /** A plan outside policy: the person who decided, when, and what they said. */
    decidedByStaffId: uuid("decided_by_staff_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    /** A changed plan replaces the one before it. */
    replacesPlanId: uuid("replaces_plan_id"),
    /** The version of each creditor's policy the plan was made under: { creditorId: version }. */
    policyVersions: jsonb("policy_versions").$type<Record<string, number>>(),
    pausesUsed: integer("pauses_used").notNull().default(0),
    endedOn: date("ended_on", { mode: "string" }),
    missedInARow: integer("missed_in_a_row").notNull().default(0),
    pausedUntil: date("paused_until", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("instalment_plans_debtor_idx").on(t.debtorId)],
);

export const planCases = pgTable(
  "plan_cases",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => instalmentPlans.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    /** Copied from the plan so one live plan per case can be a database constraint. */
    live: integer("live").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.caseId] }),
    uniqueIndex("plan_cases_one_live_plan_idx").on(t.caseId).where(sql`${t.live} = 1`),
  ],
);

export const instalments = pgTable(
  "instalments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => instalmentPlans.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    paidOre: bigint("paid_ore", { mode: "number" }).notNull().default(0),
    status: instalmentStatusEnum("status").notNull().default("due"),
    ocrReference: text("ocr_reference").notNull().unique(),
    movedFrom: date("moved_from", { mode: "string" }),
    paidOn: date("paid_on", { mode: "string" }),
    /** A missed instalment's amount moved to the end of the plan: the seq it came from. */
    rolledFromSeq: integer("rolled_from_seq"),
  },
  (t) => [uniqueIndex("instalments_plan_seq_idx").on(t.planId, t.seq), index("instalments_due_idx").on(t.status, t.dueDate)],
);
