import { z } from "zod";
import { replyToThread } from "../../../modules/talk/threads";
import { staffProcedure } from "../../trpc";

/** Answers a thread; the person is told in their channel. */
export const talkReply = staffProcedure("talk:answer")
  .input(z.object({ threadId: z.string().uuid(), body: z.string().max(50_000) }))
  .output(z.object({ messageId: z.string().uuid() }))
  .mutation(({ ctx, input }) => replyToThread(ctx.db, { staffId: ctx.staffId, threadId: input.threadId, body: input.body, now: ctx.now }));
