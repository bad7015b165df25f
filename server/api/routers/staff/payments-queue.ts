import { z } from "zod";
import { listPaymentQueue } from "../../../modules/payments/staff-queue";
import { staffProcedure } from "../../trpc";

const caseView = z.object({ id: z.string().uuid(), caseNumber: z.string(), ocrReference: z.string(), status: z.string(), creditorName: z.string(), debtorName: z.string() });

/** Payments waiting for a person: unmatched ones and overpayments to pay back. */
export const paymentsQueue = staffProcedure("queue:read")
  .output(
    z.array(
      z.object({
        id: z.string().uuid(),
        kind: z.enum(["unmatched", "overpaid"]),
        method: z.string(),
        amountOre: z.number().int(),
        overpaymentOre: z.number().int(),
        refundedOre: z.number().int(),
        bookedOn: z.string(),
        ocrReference: z.string().nullable(),
        payerName: z.string().nullable(),
        reason: z.string().nullable(),
        case: caseView.nullable(),
        suggestions: z.array(caseView),
      }),
    ),
  )
  .query(({ ctx }) => listPaymentQueue(ctx.db, { staffId: ctx.staffId }));
