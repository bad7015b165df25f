import { z } from "zod";
import { removeDisputeFile } from "../../../modules/disputes/drafts";
import { debtorProcedure } from "../../trpc";

/** Takes a chosen file off the debtor's unsent dispute. */
export const disputesDetach = debtorProcedure
  .input(z.object({ caseId: z.string().uuid(), attachmentId: z.string().uuid() }))
  .output(z.object({ removed: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeDisputeFile(ctx.db, { debtorId: ctx.debtorId, ...input });
    return { removed: true as const };
  });
