import { z } from "zod";
import { decidePlanRequest } from "../../../modules/plans/staff-requests";
import { staffProcedure } from "../../trpc";

/** Approves (the debtor then signs) or refuses a plan asked for outside policy. */
export const plansDecide = staffProcedure("plans:decide")
  .input(z.object({ planId: z.string().uuid(), approve: z.boolean(), note: z.string().trim().max(1000).default("") }))
  .output(z.object({ planId: z.string().uuid(), status: z.enum(["awaiting_signature", "rejected"]) }))
  .mutation(({ ctx, input }) => decidePlanRequest(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
