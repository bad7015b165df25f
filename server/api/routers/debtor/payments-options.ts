import { z } from "zod";
import { getPaymentOptions } from "../../../modules/payments/payment-options";
import { debtorProcedure } from "../../trpc";
import { isoDate, ore } from "./schemas";

export const paymentsOptionsOutput = z.object({
  cases: z.array(
    z.object({ id: z.string().uuid(), caseNumber: z.string(), creditorName: z.string(), description: z.string(), leftOre: ore, dueDate: isoDate, ocrReference: z.string() }),
  ),
  totalOre: ore,
  minOre: ore,
  maxOre: ore,
  bankgiro: z.string(),
  bankTransferArrivesBy: isoDate,
});

/** What the pay page offers: one case (by id) or every case the debtor can pay. */
export const paymentsOptions = debtorProcedure
  .input(z.object({ caseId: z.string().uuid().optional() }))
  .output(paymentsOptionsOutput)
  .query(({ ctx, input }) => getPaymentOptions(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId, now: ctx.now }));
