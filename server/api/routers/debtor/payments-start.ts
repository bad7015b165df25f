import { z } from "zod";
import { paymentDeps } from "../../../modules/payments/clients";
import { startPayment } from "../../../modules/payments/start-payment";
import { debtorProcedure } from "../../trpc";
import { ore } from "./schemas";

export const paymentsStartInput = z.object({
  caseIds: z.array(z.string().uuid()).min(1).max(50),
  /** Null: all that is left on these cases. */
  amountOre: ore.positive().nullable(),
  method: z.enum(["swish", "card"]),
  /** Paying one instalment of a plan. */
  instalmentId: z.string().uuid().optional(),
});

/** Starts a Swish or card payment; money is booked only when the provider confirms it. */
export const paymentsStart = debtorProcedure
  .input(paymentsStartInput)
  .output(z.object({ requestId: z.string().uuid(), method: z.enum(["swish", "card"]), amountOre: ore, swishToken: z.string().nullable(), payUrl: z.string().nullable() }))
  .mutation(({ ctx, input }) => startPayment(ctx.db, ctx.payments ?? paymentDeps(), { debtorId: ctx.debtorId, ...input, locale: ctx.locale, now: ctx.now }));
