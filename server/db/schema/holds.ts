import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { caseHoldKindEnum } from "./enums";
import { staffUsers } from "./staff";

/**
 * A pause on a case's automated steps (reminders, letters, interest notices, the payment-order
 * step, plan follow-up). Active while `liftedAt` is null and `endsOn` is null or still ahead:
 * a dispute holds until a person lifts it (never a timer); a rejected dispute holds until the
 * debtor has had 10 days to take it further; a staff hold for N days ends on its own.
 */
export const caseHolds = pgTable(
  "case_holds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: caseHoldKindEnum("kind").notNull(),
    /** The dispute behind a hold of kind `dispute`. */
    disputeId: uuid("dispute_id"),
    reason: text("reason").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** First day the hold no longer applies (null: until lifted). */
    endsOn: date("ends_on", { mode: "string" }),
    liftedAt: timestamp("lifted_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    liftedBy: uuid("lifted_by").references(() => staffUsers.id),
  },
  (t) => [index("case_holds_active_idx").on(t.caseId).where(sql`${t.liftedAt} is null`)],
);

/**
 * A support need (needs more time, hard to read, bereavement …): special-category data. Lists show
 * only that one exists; reading `detailEncrypted` is audited. While one is active the person's tone
 * and pace change (no automated reminder sooner than 14 days).
 */
export const debtorSupportNeeds = pgTable(
  "debtor_support_needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    /** needs_more_time | hard_to_read | bereavement | illness | other */
    kind: text("kind").notNull(),
    /** AES-256-GCM ciphertext of the free-text detail (same key as personal numbers). */
    detailEncrypted: text("detail_encrypted"),
    setBy: uuid("set_by").references(() => staffUsers.id),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
    clearedAt: timestamp("cleared_at", { withTimezone: true }),
    clearedBy: uuid("cleared_by").references(() => staffUsers.id),
  },
  (t) => [index("debtor_support_needs_active_idx").on(t.debtorId).where(sql`${t.clearedAt} is null`)],
);
