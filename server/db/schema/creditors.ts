import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const creditors = pgTable("creditors", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  orgNumber: text("org_number").notNull(),
  /** What the creditor sells, in the debtor's words: "mobilabonnemang", "hyra". */
  kind: text("kind").notNull(),
  website: text("website"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** How far a debtor may go on their own; outside this a person decides. */
export const creditorPolicies = pgTable("creditor_policies", {
  creditorId: uuid("creditor_id")
    .primaryKey()
    .references(() => creditors.id, { onDelete: "cascade" }),
  minInstalmentOre: integer("min_instalment_ore").notNull(),
  maxPlanMonths: integer("max_plan_months").notNull(),
  maxDueDateShiftDays: integer("max_due_date_shift_days").notNull(),
  chargePlanFee: boolean("charge_plan_fee").notNull().default(true),
  allowPlanPause: boolean("allow_plan_pause").notNull().default(false),
  /** Bank days within which a message from a debtor is answered. */
  replyBankDays: integer("reply_bank_days").notNull().default(1),
  /** Day of the month a new case's collection letter asks for payment by (moved to a bank day). */
  defaultDueDay: integer("default_due_day").notNull().default(26),
  /** Which wording the collection letter uses: standard | brief. */
  letterWording: text("letter_wording").$type<"standard" | "brief">().notNull().default("standard"),
  /** How many days before the due date the reminder goes. */
  reminderDaysBefore: integer("reminder_days_before").notNull().default(3),
  /** Raised by every change; each version is kept in `creditor_policy_versions`. */
  version: integer("version").notNull().default(1),
  /** Order in which a payment settles a case's parts. */
  allocationOrder: jsonb("allocation_order")
    .$type<("fees" | "interest" | "principal")[]>()
    .notNull()
    .default(["fees", "interest", "principal"]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
