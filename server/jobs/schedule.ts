import { todayInStockholm } from "../domain/calendar";
import { env } from "../env";
import { buildPrintBatch } from "../modules/outreach/print-batch";
import { paymentDeps } from "../modules/payments/clients";
import { reconcileOpenRequests } from "../modules/payments/settle-request";
import { followUpPlans } from "../modules/plans/follow-up";
import { refreshInsights } from "../modules/insights/refresh";
import { scheduleDueReminders } from "../modules/outreach/reminders";
import type { ScheduledJob } from "./index";
import { dispatchDueMessages } from "./outbox";

/** Every background job of the app. */
export const JOBS: ScheduledJob[] = [
  {
    // A Swish or card payment whose callback never came is asked about directly.
    name: "payments-reconcile",
    cron: "* * * * *",
    run: (handle, now) => reconcileOpenRequests(handle.db, paymentDeps(), now, 60_000),
  },
  {
    // Missed instalments, lapsed and completed plans, once a day before people wake up.
    name: "plans-follow-up",
    cron: "15 5 * * *",
    run: (handle, now) => followUpPlans(handle.db, now),
  },
  {
    // Messages that are due get their job (the message's id is the job's id).
    name: "outbox-dispatch",
    cron: "* * * * *",
    run: (handle, now, boss) => dispatchDueMessages(handle.db, boss, now),
  },
  {
    // Reminders three days before a case's due date and on the day.
    name: "reminders-schedule",
    cron: "30 5 * * *",
    run: (handle, now) => scheduleDueReminders(handle.db, now),
  },
  {
    // The day's paper letters in one file for the printer, once paper stops for the day (20:00).
    name: "print-batch",
    cron: "5 20 * * *",
    run: (_handle, now) => buildPrintBatch(env().KVITT_PRINT_DIR, todayInStockholm(now)),
  },
  {
    // The insights dashboard's rollups, rebuilt from the rows every ten minutes.
    name: "insights-refresh",
    cron: "*/10 * * * *",
    run: (handle, now) => refreshInsights(handle.db, now),
  },
];
