import { z } from "zod";
import { getDebtorReceipt } from "../../../modules/payments/receipt";
import { debtorProcedure } from "../../trpc";
import { isoDate, ore } from "./schemas";

/** The receipt of one of the debtor's own booked payments. */
export const paymentsReceipt = debtorProcedure
  .input(z.object({ paymentId: z.string().uuid() }))
  .output(
    z.object({
      id: z.string().uuid(),
      caseId: z.string().uuid(),
      caseNumber: z.string(),
      creditorName: z.string(),
      method: z.enum(["swish", "card", "bankgiro", "manual"]),
      amountOre: ore,
      bookedOn: isoDate,
      reference: z.string().nullable(),
      feesOre: ore,
      interestOre: ore,
      principalOre: ore,
      overpaymentOre: ore,
      refundedOre: ore,
      leftNowOre: ore,
    }),
  )
  .query(({ ctx, input }) => getDebtorReceipt(ctx.db, { debtorId: ctx.debtorId, paymentId: input.paymentId, now: ctx.now }));
