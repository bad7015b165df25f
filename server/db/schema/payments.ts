import { sql } from "drizzle-orm";
import { bigint, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, charges } from "./cases";
import { debtors } from "./debtors";
import {
  allocationComponentEnum,
  channelEnum,
  paymentMethodEnum,
  paymentRequestStatusEnum,
  paymentStatusEnum,
} from "./enums";

/** Money that has arrived. Booked once: the idempotency key is unique. */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null while unmatched (a BgMax payment with a wrong reference waits for staff). */
    caseId: uuid("case_id").references(() => cases.id),
    method: paymentMethodEnum("method").notNull(),
    status: paymentStatusEnum("status").notNull().default("booked"),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    currency: text("currency").notNull().default("SEK"),
    /** e.g. "swish:<paymentReference>", "bgmax:<bankgiro>:<date>:<serial>", "card:<session>". */
    idempotencyKey: text("idempotency_key").notNull(),
    externalReference: text("external_reference"),
    ocrReference: text("ocr_reference"),
    payerName: text("payer_name"),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
    /** Which message led here, when the debtor came through a deep link. */
    sourceChannel: channelEnum("source_channel"),
    overpaymentOre: bigint("overpayment_ore", { mode: "number" }).notNull().default(0),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_idempotency_key_idx").on(t.idempotencyKey),
    index("payments_case_idx").on(t.caseId),
    index("payments_unmatched_idx").on(t.status).where(sql`${t.status} = 'unmatched'`),
  ],
);

/** How a booked payment settled a case's parts (fees, interest, principal). */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    component: allocationComponentEnum("component").notNull(),
    chargeId: uuid("charge_id").references(() => charges.id),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
  },
  (t) => [index("payment_allocations_case_idx").on(t.caseId), index("payment_allocations_payment_idx").on(t.paymentId)],
);

/** A payment the debtor started (Swish request, card checkout) that has not arrived yet. */
export const paymentRequests = pgTable(
  "payment_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    /** The cases paid, with the amount for each. */
    targets: jsonb("targets").$type<{ caseId: string; amountOre: number }[]>().notNull(),
    method: paymentMethodEnum("method").notNull(),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    status: paymentRequestStatusEnum("status").notNull().default("created"),
    externalId: text("external_id").notNull(),
    token: text("token"),
    errorCode: text("error_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("payment_requests_external_idx").on(t.method, t.externalId), index("payment_requests_debtor_idx").on(t.debtorId)],
);

export const bgmaxImports = pgTable("bgmax_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** SHA-256 of the file: the same file imported twice changes nothing. */
  fileHash: text("file_hash").notNull().unique(),
  fileTimestamp: text("file_timestamp").notNull(),
  paymentCount: bigint("payment_count", { mode: "number" }).notNull(),
  totalOre: bigint("total_ore", { mode: "number" }).notNull(),
  importedBy: text("imported_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
