import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { actorKindEnum } from "./enums";

/** Append-only (a trigger refuses UPDATE and DELETE): who did or looked at what, and when. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKindEnum("actor_kind").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectKind: text("subject_kind"),
    subjectId: text("subject_id"),
    debtorId: uuid("debtor_id"),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_events_debtor_idx").on(t.debtorId, t.at),
    index("audit_events_subject_idx").on(t.subjectKind, t.subjectId),
    // The supervisors' audit view: newest first, by person.
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_at_idx").on(t.at),
  ],
);
