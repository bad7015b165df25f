import { paymentDeps } from "../modules/payments/clients";
import { reconcileOpenRequests } from "../modules/payments/settle-request";
import type { ScheduledJob } from "./index";

/** Every background job of the app. */
export const JOBS: ScheduledJob[] = [
  {
    // A Swish or card payment whose callback never came is asked about directly.
    name: "payments-reconcile",
    cron: "* * * * *",
    run: (handle, now) => reconcileOpenRequests(handle.db, paymentDeps(), now, 60_000),
  },
];
