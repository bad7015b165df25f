import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases } from "../../db/schema";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { reminderAt, reminderExpiresAt } from "../../domain/outreach";
import { enqueueMessages } from "./enqueue";

/**
 * Queues the reminder three days before each open case's due date and the one on the day. Run
 * daily; the dedupe key (case, date, which) makes repeated runs harmless. Holds, quiet hours and
 * the weekly SMS limit are the sender's business, asked when each message goes.
 */
export async function scheduleDueReminders(db: Db, now: Date): Promise<number> {
  const today = todayInStockholm(now);
  const rows = await db
    .select({ id: cases.id, debtorId: cases.debtorId, dueDate: cases.dueDate })
    .from(cases)
    .where(and(eq(cases.status, "open"), eq(cases.disputed, false), gte(cases.dueDate, today), lte(cases.dueDate, addDays(today, 3))));
  const messages = rows.flatMap((c) => [
    ...(addDays(c.dueDate, -3) >= today
      ? [{ debtorId: c.debtorId, caseId: c.id, kind: "pre_due_reminder", payload: { dueDate: c.dueDate, when: "before" }, dedupeKey: `case:${c.id}:${c.dueDate}:before`, scheduledFor: reminderAt(addDays(c.dueDate, -3)), expiresAt: reminderExpiresAt(c.dueDate) }]
      : []),
    { debtorId: c.debtorId, caseId: c.id, kind: "pre_due_reminder", payload: { dueDate: c.dueDate, when: "due" }, dedupeKey: `case:${c.id}:${c.dueDate}:due`, scheduledFor: reminderAt(c.dueDate), expiresAt: reminderExpiresAt(c.dueDate) },
  ]);
  for (let i = 0; i < messages.length; i += 1000) await enqueueMessages(db, messages.slice(i, i + 1000));
  return messages.length;
}
