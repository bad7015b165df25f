import { z } from "zod";
import { saveDisputeDraft } from "../../../modules/disputes/drafts";
import { debtorProcedure } from "../../trpc";
import { disputeDescription, disputePart, disputeReason } from "./disputes-schemas";

/** Keeps the answers of a dispute not yet sent, on the debtor's own case. */
export const disputesSaveDraft = debtorProcedure
  .input(z.object({ caseId: z.string().uuid(), reason: disputeReason, part: disputePart, disputedOre: z.number().int().min(0), description: disputeDescription }))
  .output(z.object({ saved: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await saveDisputeDraft(ctx.db, { debtorId: ctx.debtorId, now: ctx.now, ...input });
    return { saved: true as const };
  });
