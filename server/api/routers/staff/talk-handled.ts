import { z } from "zod";
import { markThreadHandled } from "../../../modules/talk/threads";
import { staffProcedure } from "../../trpc";

/** Nothing more to answer in a thread. */
export const talkHandled = staffProcedure("talk:answer")
  .input(z.object({ threadId: z.string().uuid() }))
  .output(z.object({ threadId: z.string().uuid() }))
  .mutation(({ ctx, input }) => markThreadHandled(ctx.db, { staffId: ctx.staffId, threadId: input.threadId, now: ctx.now }));
