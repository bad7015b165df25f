import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { creditors } from "./creditors";
import { debtors } from "./debtors";
import { caseStatusEnum, chargeKindEnum } from "./enums";

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Case number shown to people and staff, e.g. "K-2026-004211". */
    caseNumber: text("case_number").notNull().unique(),
    creditorId: uuid("creditor_id")
      .notNull()
      .references(() => creditors.id),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    invoiceNumber: text("invoice_number").notNull(),
    invoiceDate: date("invoice_date", { mode: "string" }).notNull(),
    originalDueDate: date("original_due_date", { mode: "string" }).notNull(),
    /** What the original bill was for, in plain words. */
    description: text("description").notNull(),
    principalOre: bigint("principal_ore", { mode: "number" }).notNull(),
    ocrReference: text("ocr_reference").notNull().unique(),
    status: caseStatusEnum("status").notNull().default("open"),
    disputed: boolean("disputed").notNull().default(false),
    consumer: boolean("consumer").notNull().default(true),
    reminderSentOn: date("reminder_sent_on", { mode: "string" }),
    collectionLetterSentOn: date("collection_letter_sent_on", { mode: "string" }),
    /** The date by which the collection letter asks for payment; may be moved once after payday. */
    dueDate: date("due_date", { mode: "string" }).notNull(),
    dueDateMovedOn: date("due_date_moved_on", { mode: "string" }),
    /** The due date before the debtor moved it (once) to after payday. */
    dueDateMovedFrom: date("due_date_moved_from", { mode: "string" }),
    /** Earliest date a payment order may be sought if nothing happens. */
    paymentOrderFrom: date("payment_order_from", { mode: "string" }),
    /** The collection letter's wording and the reminder's offset this case opened with (policy or experiment arm). */
    letterWording: text("letter_wording").$type<"standard" | "brief">(),
    reminderDaysBefore: integer("reminder_days_before"),
    interestMarginBp: integer("interest_margin_bp").notNull().default(800),
    /** Interest stops on this date (paid in full, or the creditor waived it). */
    interestStoppedOn: date("interest_stopped_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_debtor_idx").on(t.debtorId),
    index("cases_creditor_idx").on(t.creditorId),
    index("cases_invoice_number_idx").using("btree", sql`upper(${t.invoiceNumber})`),
    index("cases_open_idx").on(t.status).where(sql`${t.status} in ('open', 'in_plan')`),
  ],
);

export const charges = pgTable(
  "charges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: chargeKindEnum("kind").notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    chargedOn: date("charged_on", { mode: "string" }).notNull(),
    /** The rule that allows the charge, e.g. "lag (1981:739) om ersättning för inkassokostnader, 5 §". */
    legalBasis: text("legal_basis").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("charges_case_idx").on(t.caseId)],
);

/** Riksbanken's reference rate per half-year, as data. */
export const referenceRates = pgTable("reference_rates", {
  fromDate: date("from_date", { mode: "string" }).primaryKey(),
  referenceRateBp: integer("reference_rate_bp").notNull(),
});

/** Documents sent for a case (reminder, collection letter, plan agreement, receipts). */
export const caseDocuments = pgTable(
  "case_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_documents_case_idx").on(t.caseId)],
);

export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    details: text("details"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId)],
);
