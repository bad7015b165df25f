import { z } from "zod";
import { assignPayment } from "../../../modules/payments/staff-queue";
import { staffProcedure } from "../../trpc";

/** Places an unmatched payment on a case. */
export const paymentsAssign = staffProcedure("payments:write")
  .input(
    z
      .object({ paymentId: z.string().uuid(), caseId: z.string().uuid().optional(), caseNumber: z.string().trim().min(3).max(30).optional() })
      .refine((v) => !!v.caseId !== !!v.caseNumber, "give a case id or a case number"),
  )
  .output(z.object({ paymentId: z.string().uuid(), caseId: z.string().uuid(), overpaymentOre: z.number().int(), casePaid: z.boolean() }))
  .mutation(({ ctx, input }) => assignPayment(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
