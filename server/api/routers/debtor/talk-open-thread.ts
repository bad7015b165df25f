import { z } from "zod";
import { openDebtorThread } from "../../../modules/talk/threads";
import { debtorProcedure } from "../../trpc";
import { threadView } from "./talk-schemas";

/** One of the person's threads with every message; our replies count as read from now. */
export const talkOpenThread = debtorProcedure
  .input(z.object({ threadId: z.string().uuid() }))
  .output(threadView)
  .mutation(({ ctx, input }) => openDebtorThread(ctx.db, { debtorId: ctx.debtorId, threadId: input.threadId, now: ctx.now }));
