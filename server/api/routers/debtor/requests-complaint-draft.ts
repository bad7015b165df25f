import { z } from "zod";
import { readDraft } from "../../../modules/talk/threads";
import { debtorProcedure } from "../../trpc";

/** What the person had written in a complaint that was refused, to show it again. */
export const requestsComplaintDraft = debtorProcedure
  .output(z.object({ body: z.string(), errorCode: z.string().nullable() }).nullable())
  .query(async ({ ctx }) => {
    const draft = await readDraft(ctx.db, ctx.debtorId, "complaint");
    return draft ? { body: draft.body, errorCode: draft.errorCode } : null;
  });
