import { pgEnum } from "drizzle-orm/pg-core";

export const languageEnum = pgEnum("language", ["sv", "en"]);
export const channelEnum = pgEnum("channel", ["kivra", "sms", "email", "paper"]);
export const caseStatusEnum = pgEnum("case_status", [
  "open",
  "in_plan",
  "paid",
  "closed",
  "sent_to_enforcement",
]);
export const chargeKindEnum = pgEnum("charge_kind", [
  "reminder_fee",
  "collection_fee",
  "plan_fee",
  "payment_order_application_fee",
  "payment_order_legal_fee",
]);
export const allocationComponentEnum = pgEnum("allocation_component", ["fee", "interest", "principal"]);
export const paymentMethodEnum = pgEnum("payment_method", ["swish", "card", "bankgiro", "manual"]);
export const paymentStatusEnum = pgEnum("payment_status", ["booked", "unmatched", "refunded"]);
export const paymentRequestStatusEnum = pgEnum("payment_request_status", [
  "created",
  "paid",
  "declined",
  "error",
  "cancelled",
]);
export const planStatusEnum = pgEnum("plan_status", [
  "awaiting_signature",
  "requested",
  "rejected",
  "active",
  "paused",
  "lapsed",
  "completed",
  "cancelled",
]);
export const instalmentStatusEnum = pgEnum("instalment_status", ["due", "paid", "late", "missed", "moved"]);
export const staffRoleEnum = pgEnum("staff_role", ["agent", "supervisor", "admin"]);
export const actorKindEnum = pgEnum("actor_kind", ["debtor", "staff", "system"]);
export const messageAuthorEnum = pgEnum("message_author", ["debtor", "staff", "system"]);
export const threadStatusEnum = pgEnum("thread_status", ["waiting_for_us", "waiting_for_debtor", "closed"]);
/** queued → sending → sent → delivered | failed | unknown; cancelled when no longer needed. */
export const outboxStatusEnum = pgEnum("outbox_status", ["queued", "sent", "failed", "cancelled", "sending", "delivered", "unknown"]);
/** How a payment was traced back to the message that led to it. */
export const attributionSourceEnum = pgEnum("attribution_source", ["deep_link", "kivra", "ocr"]);
export const disputeStatusEnum = pgEnum("dispute_status", ["open", "upheld", "rejected", "withdrawn"]);
/** What a person on the staff side has to act on; each kind has its own clock. */
export const workItemKindEnum = pgEnum("work_item_kind", [
  "message",
  "callback",
  "dispute",
  "complaint",
  "data_access",
  "plan_request",
  "unmatched_payment",
  "overpayment",
  "broken_promise",
]);
export const workItemStatusEnum = pgEnum("work_item_status", ["open", "waiting_on_debtor", "done"]);
export const caseHoldKindEnum = pgEnum("case_hold_kind", ["dispute", "staff_hold"]);
