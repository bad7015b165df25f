import { z } from "zod";
import { getDebtorPlan } from "../../../modules/plans/read";
import { debtorProcedure } from "../../trpc";
import { isoDate, ore } from "./schemas";
import { planStatus } from "./plans-schemas";

/** One of the debtor's plans with its instalments and what can be done with it. */
export const plansGet = debtorProcedure
  .input(z.object({ planId: z.string().uuid() }))
  .output(
    z.object({
      id: z.string().uuid(),
      status: planStatus,
      monthlyOre: ore,
      months: z.number().int(),
      dueDay: z.number().int(),
      method: z.string(),
      feeOre: ore,
      interestEstimateOre: ore,
      totalOre: ore,
      signedAt: z.string().nullable(),
      pausedUntil: isoDate.nullable(),
      missedInARow: z.number().int(),
      decisionNote: z.string().nullable(),
      requestReason: z.string().nullable(),
      cases: z.array(z.object({ id: z.string().uuid(), caseNumber: z.string(), creditorName: z.string() })),
      instalments: z.array(
        z.object({
          id: z.string().uuid(),
          seq: z.number().int(),
          dueDate: isoDate,
          amountOre: ore,
          paidOre: ore,
          status: z.enum(["due", "paid", "late", "missed", "moved"]),
          ocrReference: z.string(),
          movedFrom: isoDate.nullable(),
          canMove: z.boolean(),
        }),
      ),
      nextInstalmentId: z.string().uuid().nullable(),
      canPause: z.boolean(),
      canChange: z.boolean(),
      events: z.array(z.object({ kind: z.string(), occurredOn: isoDate, details: z.string().nullable() })),
    }),
  )
  .query(({ ctx, input }) => getDebtorPlan(ctx.db, { debtorId: ctx.debtorId, planId: input.planId, now: ctx.now }));
