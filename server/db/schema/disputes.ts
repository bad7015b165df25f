import { sql } from "drizzle-orm";
import { bigint, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, charges } from "./cases";
import { debtors } from "./debtors";
import { allocationComponentEnum, disputeStatusEnum } from "./enums";
import { staffUsers } from "./staff";
import type { DisputePart, DisputeReason } from "../../domain/disputes";

/** How a person upheld a dispute: the claim cancelled, or reduced by an amount. */
export type DisputeRemedy = "cancel" | "reduce";

/**
 * A debtor's objection to a claim (bestridande). While it is open the case is on hold (a
 * `case_holds` row of kind `dispute`) and the disputed amount is set aside from what is payable.
 */
export const disputes = pgTable(
  "disputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    /** What the debtor says is wrong ("I can't pay" is not a dispute). */
    reason: text("reason").$type<DisputeReason>().notNull(),
    /** The debtor's own words. */
    description: text("body").notNull(),
    part: text("part").$type<DisputePart>().notNull().default("all"),
    /** The amount disputed, at most what was left of the case when the dispute was made. */
    disputedOre: bigint("disputed_ore", { mode: "number" }).notNull().default(0),
    status: disputeStatusEnum("status").notNull().default("open"),
    /** Upheld: cancel or reduce; the credit booked through the ledger. */
    remedy: text("remedy").$type<DisputeRemedy>(),
    creditedOre: bigint("credited_ore", { mode: "number" }),
    /** The written reason for the decision, shown to the debtor. */
    decisionReason: text("answer"),
    decidedBy: uuid("decided_by").references(() => staffUsers.id),
    decidedAt: timestamp("answered_at", { withTimezone: true }),
    /** The day the debtor was told of the decision. */
    toldOn: date("told_on", { mode: "string" }),
    /** A rejection: the first day the case's automated steps may run again. */
    resumesOn: date("resumes_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("disputes_case_idx").on(t.caseId),
    index("disputes_debtor_idx").on(t.debtorId),
    // One open dispute per case at a time.
    uniqueIndex("disputes_one_open_idx").on(t.caseId).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * The answers of a dispute not yet sent, one per person and case, so the description (free text)
 * never travels in an address. Deleted when the dispute is sent.
 */
export const disputeDrafts = pgTable(
  "dispute_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    reason: text("reason").$type<DisputeReason>().notNull(),
    part: text("part").$type<DisputePart>().notNull(),
    disputedOre: bigint("disputed_ore", { mode: "number" }).notNull(),
    description: text("description").notNull().default(""),
    /** Why the last files were refused, and the file it was about (shown once, never in a URL). */
    fileError: text("file_error"),
    fileErrorName: text("file_error_name"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dispute_drafts_debtor_case_idx").on(t.debtorId, t.caseId)],
);

/**
 * A credit on a case's ledger: part of the claim the creditor no longer asks for (an upheld
 * dispute). Like a payment allocation it lowers what is left of one component (principal,
 * interest or a fee), but no money came in. Each is booked once (`idempotencyKey`).
 */
export const caseCredits = pgTable(
  "case_credits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    disputeId: uuid("dispute_id").references(() => disputes.id),
    component: allocationComponentEnum("component").notNull(),
    chargeId: uuid("charge_id").references(() => charges.id),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
    /** "dispute:<id>:<component>[:<chargeId>]": a decision submitted twice books once. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_credits_case_idx").on(t.caseId)],
);
