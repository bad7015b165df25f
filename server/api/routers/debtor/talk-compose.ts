import { z } from "zod";
import { findDebtorThread, readDraft } from "../../../modules/talk/threads";
import { debtorProcedure } from "../../trpc";
import { subjectInput } from "./talk-schemas";

/** For the write form: the thread already open on the subject, and what was written before a refusal. */
export const talkCompose = debtorProcedure
  .input(z.object({ subject: subjectInput }))
  .output(z.object({ threadId: z.string().uuid().nullable(), draft: z.object({ body: z.string(), errorCode: z.string().nullable(), errorFile: z.string().nullable() }).nullable() }))
  .query(async ({ ctx, input }) => ({
    threadId: await findDebtorThread(ctx.db, ctx.debtorId, input.subject),
    draft: await readDraft(ctx.db, ctx.debtorId, input.subject),
  }));
