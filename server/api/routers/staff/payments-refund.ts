import { z } from "zod";
import { paymentDeps } from "../../../modules/payments/clients";
import { refundPayment } from "../../../modules/payments/staff-queue";
import { staffProcedure } from "../../trpc";

/** Pays back an unmatched payment or what was paid too much. */
export const paymentsRefund = staffProcedure("payments:write")
  .input(z.object({ paymentId: z.string().uuid() }))
  .output(z.object({ refundId: z.string().uuid(), method: z.enum(["swish", "card", "bank_transfer"]), amountOre: z.number().int(), status: z.enum(["requested", "paid", "failed"]) }))
  .mutation(({ ctx, input }) => refundPayment(ctx.db, ctx.payments ?? paymentDeps(), { staffId: ctx.staffId, paymentId: input.paymentId, now: ctx.now }));
