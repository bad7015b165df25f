import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, charges } from "./cases";
import { debtors } from "./debtors";
import { instalments } from "./plans";
import { staffUsers } from "./staff";
import {
  allocationComponentEnum,
  attributionSourceEnum,
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
    /** The message that led to it, and how that was known (a deep link, Kivra's content key, the letter's OCR). */
    sourceOutboxId: uuid("source_outbox_id"),
    attributionSource: attributionSourceEnum("attribution_source"),
    /** What the case could not take; waits for a refund (or a staff decision). */
    overpaymentOre: bigint("overpayment_ore", { mode: "number" }).notNull().default(0),
    /** Paid back so far, of the overpayment or (when unmatched) of the whole payment. */
    refundedOre: bigint("refunded_ore", { mode: "number" }).notNull().default(0),
    /** Why it waits for staff: no_reference | unknown_reference | wrong_reference | case_closed | case_paid. */
    unmatchedReason: text("unmatched_reason"),
    /** The instalment it pays, when it came with an instalment's reference. */
    instalmentId: uuid("instalment_id").references(() => instalments.id),
    /** The Swish request or card checkout it came from. */
    requestId: uuid("request_id").references(() => paymentRequests.id),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_idempotency_key_idx").on(t.idempotencyKey),
    index("payments_request_idx").on(t.requestId),
    check("payments_amount_positive", sql`${t.amountOre} > 0`),
    check("payments_overpayment_within", sql`${t.overpaymentOre} >= 0 and ${t.overpaymentOre} <= ${t.amountOre}`),
    check("payments_refund_within", sql`${t.refundedOre} >= 0 and ${t.refundedOre} <= ${t.amountOre}`),
    index("payments_overpaid_idx").on(t.createdAt).where(sql`${t.overpaymentOre} > ${t.refundedOre}`),
    index("payments_case_idx").on(t.caseId),
    // What an allocation's foreign key points at: a payment together with the case it was booked on.
    uniqueIndex("payments_id_case_idx").on(t.id, t.caseId),
    index("payments_unmatched_idx").on(t.status).where(sql`${t.status} = 'unmatched'`),
  ],
);

/** How a booked payment settled a case's parts (fees, interest, principal). */
export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id").notNull(),
    /** Always the payment's own case (the foreign key below says so); that case exists (payments' key). */
    caseId: uuid("case_id").notNull(),
    component: allocationComponentEnum("component").notNull(),
    chargeId: uuid("charge_id").references(() => charges.id),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
  },
  (t) => [
    check("payment_allocations_positive", sql`${t.amountOre} > 0`),
    // One check per row for both columns: the payment exists and was booked on this very case.
    foreignKey({ name: "payment_allocations_payment_case_fk", columns: [t.paymentId, t.caseId], foreignColumns: [payments.id, payments.caseId] }),
    index("payment_allocations_case_idx").on(t.caseId),
    index("payment_allocations_payment_idx").on(t.paymentId),
  ],
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
    /** Paying one instalment of a plan. */
    instalmentId: uuid("instalment_id"),
    /** Where the payer goes to pay (Stripe's page); Swish opens by token instead. */
    payUrl: text("pay_url"),
    /** The deep link opened in the session that asked for it (attribution). */
    deepLinkId: uuid("deep_link_id"),
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

/** Money paid back: an overpayment, or a payment that was not ours to keep. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    amountOre: bigint("amount_ore", { mode: "number" }).notNull(),
    /** swish: through Swish's refund API; bank_transfer: paid out by hand to the payer's account. */
    method: text("method").$type<"swish" | "card" | "bank_transfer">().notNull(),
    status: text("status").$type<"requested" | "paid" | "failed">().notNull().default("requested"),
    externalId: text("external_id"),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [index("refunds_payment_idx").on(t.paymentId)],
);
