import { z } from "zod";
import { getDisputeDraft } from "../../../modules/disputes/drafts";
import { debtorProcedure } from "../../trpc";
import { disputeDraftSchema } from "./disputes-schemas";

/** The debtor's unsent dispute on one of their cases, or null. */
export const disputesDraft = debtorProcedure
  .input(z.object({ caseId: z.string().uuid() }))
  .output(disputeDraftSchema.nullable())
  .query(({ ctx, input }) => getDisputeDraft(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId }));
