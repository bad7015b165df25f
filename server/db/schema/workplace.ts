import { sql } from "drizzle-orm";
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { creditors } from "./creditors";
import { debtors } from "./debtors";
import { staffUsers } from "./staff";
import { workItems } from "./work";

/** An internal note on a person (or one of their cases): never shown to the debtor. */
export const staffNotes = pgTable(
  "staff_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_notes_debtor_idx").on(t.debtorId, t.createdAt)],
);

/** A promise to pay an amount by a date, recorded by staff; the queue shows it when it is broken. */
export const paymentPromises = pgTable(
  "payment_promises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** open | kept | broken */
    status: text("status").$type<"open" | "kept" | "broken">().notNull().default("open"),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [index("payment_promises_open_idx").on(t.dueOn).where(sql`${t.status} = 'open'`), index("payment_promises_debtor_idx").on(t.debtorId)],
);

/** Who has a queue item open right now (the collision notice): one row per person and item. */
export const workItemViews = pgTable(
  "work_item_views",
  {
    workItemId: uuid("work_item_id")
      .notNull()
      .references(() => workItems.id, { onDelete: "cascade" }),
    staffUserId: uuid("staff_user_id")
      .notNull()
      .references(() => staffUsers.id),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workItemId, t.staffUserId] })],
);

/** Reply texts in both languages, with placeholders for the case's facts; managed by supervisors. */
export const replyTemplates = pgTable(
  "reply_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** A short name staff choose by ("Bekräfta betalning"). */
    name: text("name").notNull(),
    bodySv: text("body_sv").notNull(),
    bodyEn: text("body_en").notNull(),
    active: boolean("active").notNull().default(true),
    updatedBy: uuid("updated_by").references(() => staffUsers.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("reply_templates_name_idx").on(t.name)],
);

/** Every version of a creditor's policy, kept: a plan names the versions it was made under. */
export const creditorPolicyVersions = pgTable(
  "creditor_policy_versions",
  {
    creditorId: uuid("creditor_id")
      .notNull()
      .references(() => creditors.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    minInstalmentOre: integer("min_instalment_ore").notNull(),
    maxPlanMonths: integer("max_plan_months").notNull(),
    maxDueDateShiftDays: integer("max_due_date_shift_days").notNull(),
    chargePlanFee: boolean("charge_plan_fee").notNull(),
    allowPlanPause: boolean("allow_plan_pause").notNull(),
    replyBankDays: integer("reply_bank_days").notNull(),
    allocationOrder: jsonb("allocation_order").$type<("fees" | "interest" | "principal")[]>().notNull(),
    defaultDueDay: integer("default_due_day").notNull().default(26),
    letterWording: text("letter_wording").$type<"standard" | "brief">().notNull().default("standard"),
    reminderDaysBefore: integer("reminder_days_before").notNull().default(3),
    changedBy: uuid("changed_by").references(() => staffUsers.id),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.creditorId, t.version] })],
);
