import { z } from "zod";
import { moveDebtorInstalment } from "../../../modules/plans/forbearance";
import { debtorProcedure } from "../../trpc";
import { isoDate } from "./schemas";

/** Moves one instalment up to 14 days later, once. */
export const plansMoveInstalment = debtorProcedure
  .input(z.object({ instalmentId: z.string().uuid(), newDate: isoDate }))
  .output(z.object({ instalmentId: z.string().uuid(), from: isoDate, dueDate: isoDate }))
  .mutation(({ ctx, input }) => moveDebtorInstalment(ctx.db, { debtorId: ctx.debtorId, ...input, now: ctx.now }));
