import { z } from "zod";
import { postponeDebtorDueDate } from "../../../modules/plans/forbearance";
import { debtorProcedure } from "../../trpc";
import { isoDate } from "./schemas";

/** Moves a case's due date to after payday, once, within the creditor's limit. */
export const casesPostpone = debtorProcedure
  .input(z.object({ caseId: z.string().uuid() }))
  .output(z.object({ caseId: z.string().uuid(), from: isoDate, dueDate: isoDate }))
  .mutation(({ ctx, input }) => postponeDebtorDueDate(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId, now: ctx.now }));
