import { z } from "zod";
import { paymentDeps } from "../../../modules/payments/clients";
import { getDebtorPaymentRequest } from "../../../modules/payments/get-request";
import { debtorProcedure } from "../../trpc";
import { isoDate, ore } from "./schemas";

export const paymentsGetOutput = z.object({
  id: z.string().uuid(),
  method: z.enum(["swish", "card"]),
  status: z.enum(["created", "paid", "declined", "error", "cancelled"]),
  amountOre: ore,
  swishToken: z.string().nullable(),
  payUrl: z.string().nullable(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  targets: z.array(z.object({ caseId: z.string().uuid(), caseNumber: z.string(), amountOre: ore })),
  payments: z.array(z.object({ id: z.string().uuid(), caseId: z.string().uuid().nullable(), amountOre: ore, overpaymentOre: ore, bookedOn: isoDate })),
});

/** A payment the debtor started, with its state (asking the provider when a callback is late). */
export const paymentsGet = debtorProcedure
  .input(z.object({ requestId: z.string().uuid() }))
  .output(paymentsGetOutput)
  .query(({ ctx, input }) => getDebtorPaymentRequest(ctx.db, ctx.payments ?? paymentDeps(), { debtorId: ctx.debtorId, requestId: input.requestId, now: ctx.now }));
