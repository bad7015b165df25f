import { z } from "zod";
import { sendDebtorMessage } from "../../../modules/talk/threads";
import { debtorProcedure } from "../../trpc";
import { incomingFiles, subjectInput } from "./talk-schemas";

/** The person writes to us, with files; a refusal says why and keeps the text as a draft. */
export const talkSend = debtorProcedure
  .input(z.object({ subject: subjectInput, body: z.string().max(50_000), files: incomingFiles }))
  .output(
    z.union([
      z.object({ ok: z.literal(true), threadId: z.string().uuid(), messageId: z.string().uuid(), replyDueOn: z.string() }),
      z.object({ ok: z.literal(false), code: z.string(), fileName: z.string().optional() }),
    ]),
  )
  .mutation(({ ctx, input }) => sendDebtorMessage(ctx.db, { debtorId: ctx.debtorId, subject: input.subject, body: input.body, files: input.files, now: ctx.now }));
