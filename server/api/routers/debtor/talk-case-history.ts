import { z } from "zod";
import { caseTalkHistory } from "../../../modules/talk/overview";
import { debtorProcedure } from "../../trpc";

/** What was said about one of the person's cases, by date (the case page's history). */
export const talkCaseHistory = debtorProcedure
  .input(z.object({ caseId: z.string().uuid() }))
  .output(
    z.array(
      z.object({
        at: z.date(),
        kind: z.enum(["you_wrote", "we_replied", "callback_requested", "callback_cancelled", "callback_done", "complaint_filed", "complaint_answered"]),
        link: z.string(),
      }),
    ),
  )
  .query(({ ctx, input }) => caseTalkHistory(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId }));
