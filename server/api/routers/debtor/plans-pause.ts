import { z } from "zod";
import { pauseDebtorPlan } from "../../../modules/plans/forbearance";
import { debtorProcedure } from "../../trpc";
import { isoDate } from "./schemas";

/** Pauses a plan for a month, when the creditors allow it. */
export const plansPause = debtorProcedure
  .input(z.object({ planId: z.string().uuid() }))
  .output(z.object({ planId: z.string().uuid(), pausedUntil: isoDate }))
  .mutation(({ ctx, input }) => pauseDebtorPlan(ctx.db, { debtorId: ctx.debtorId, planId: input.planId, now: ctx.now }));
