import { z } from "zod";
import { listPlanRequests } from "../../../modules/plans/staff-requests";
import { staffProcedure } from "../../trpc";

/** Plans debtors asked for outside policy, waiting for a decision. */
export const plansRequests = staffProcedure("queue:read")
  .output(
    z.array(
      z.object({
        id: z.string().uuid(),
        debtorName: z.string(),
        monthlyOre: z.number().int(),
        months: z.number().int(),
        dueDay: z.number().int(),
        totalOre: z.number().int(),
        reason: z.string(),
        monthlyIncomeOre: z.number().int().nullable(),
        monthlyCostsOre: z.number().int().nullable(),
        createdAt: z.string(),
        cases: z.array(z.object({ caseNumber: z.string(), creditorName: z.string() })),
      }),
    ),
  )
  .query(({ ctx }) => listPlanRequests(ctx.db, { staffId: ctx.staffId }));
