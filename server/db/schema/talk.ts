import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { staffUsers } from "./staff";

export const callbackStatusEnum = pgEnum("callback_status", ["requested", "cancelled", "done"]);
export const callbackOutcomeEnum = pgEnum("callback_outcome", ["reached", "no_answer", "wrong_number"]);

/** A person asked us to ring them: a Swedish number, a bank day and a window within opening hours. */
export const callbackRequests = pgTable(
  "callback_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** E.164, checked as a Swedish number. */
    phone: text("phone").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    /** The window, in whole hours Stockholm time (10 and 12 for 10–12). */
    startHour: integer("start_hour").notNull(),
    endHour: integer("end_hour").notNull(),
    topic: text("topic").notNull(),
    status: callbackStatusEnum("status").notNull().default("requested"),
    outcome: callbackOutcomeEnum("outcome"),
    outcomeNote: text("outcome_note"),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [index("callback_requests_debtor_idx").on(t.debtorId, t.createdAt)],
);

export const personRequestKindEnum = pgEnum("person_request_kind", ["complaint", "data_access"]);
export const personRequestStatusEnum = pgEnum("person_request_status", ["open", "answered"]);

/**
 * A complaint about us, or a request for the data we hold (GDPR art. 15). Each kind has its own
 * clock (`dueOn`). A data-access answer is the snapshot compiled when staff release it.
 */
export const personRequests = pgTable(
  "person_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: personRequestKindEnum("kind").notNull(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** The complaint in the person's words (empty for data access). */
    body: text("body").notNull().default(""),
    status: personRequestStatusEnum("status").notNull().default("open"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** Our answer to a complaint. */
    answer: text("answer"),
    /** The data-access answer: everything held about the person when it was released. */
    dataExport: jsonb("data_export").$type<Record<string, unknown>>(),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    /** When the person first read the answer (unread while null). */
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("person_requests_debtor_idx").on(t.debtorId, t.createdAt)],
);
