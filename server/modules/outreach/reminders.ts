import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases } from "../../db/schema";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { reminderAt, reminderExpiresAt } from "../../domain/outreach";
import { enqueueMessages } from "./enqueue";

/** The reminder before the due date goes this many days before it, unless the case opened with another offset. */
export const DEFAULT_REMINDER_DAYS_BEFORE = 3;
/** The longest offset a policy or an experiment may set (see `checkArms`). */
const LONGEST_REMINDER_DAYS_BEFORE = 10;

/**
 * Queues the reminder before each open case's due date (3 days before, or the offset the case
 * opened with under its creditor's policy or an experiment's arm) and the one on the day. Run
 * daily; the dedupe key (case, date, which) makes repeated runs harmless. Holds, quiet hours and
 * the weekly SMS limit are the sender's business, asked when each message goes.
 */
export async function scheduleDueReminders(db: Db, now: Date): Promise<number> {
  const today = todayInStockholm(now);
  const rows = await db
    .select({ id: cases.id, debtorId: cases.debtorId, dueDate: cases.dueDate, daysBefore: cases.reminderDaysBefore })
    .from(cases)
    .where(and(eq(cases.status, "open"), eq(cases.disputed, false), gte(cases.dueDate, today), lte(cases.dueDate, addDays(today, LONGEST_REMINDER_DAYS_BEFORE))));
  const messages = rows.flatMap((c) => {
    const daysBefore = c.daysBefore ?? DEFAULT_REMINDER_DAYS_BEFORE;
    const before = addDays(c.dueDate, -daysBefore);
    return [
      // Queued on its own day, as the daily run reaches it.
      ...(before === today
        ? [{ debtorId: c.debtorId, caseId: c.id, kind: "pre_due_reminder", payload: { dueDate: c.dueDate, when: "before", daysBefore }, dedupeKey: `case:${c.id}:${c.dueDate}:before`, scheduledFor: reminderAt(before), expiresAt: reminderExpiresAt(c.dueDate) }]
        : []),
      ...(c.dueDate <= addDays(today, DEFAULT_REMINDER_DAYS_BEFORE)
        ? [{ debtorId: c.debtorId, caseId: c.id, kind: "pre_due_reminder", payload: { dueDate: c.dueDate, when: "due" }, dedupeKey: `case:${c.id}:${c.dueDate}:due`, scheduledFor: reminderAt(c.dueDate), expiresAt: reminderExpiresAt(c.dueDate) }]
        : []),
    ];
  });
  for (let i = 0; i < messages.length; i += 1000) await enqueueMessages(db, messages.slice(i, i + 1000));
  return messages.length;
}
