import { createTRPCRouter } from "../../trpc";
import { paymentsAssign } from "./payments-assign";
import { paymentsQueue } from "./payments-queue";
import { paymentsRefund } from "./payments-refund";

export const staffRouter = createTRPCRouter({
  payments: createTRPCRouter({ queue: paymentsQueue, assign: paymentsAssign, refund: paymentsRefund }),
});
