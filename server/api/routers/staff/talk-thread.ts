import { z } from "zod";
import { openStaffThread } from "../../../modules/talk/threads";
import { staffProcedure } from "../../trpc";
import { threadView } from "../debtor/talk-schemas";

/** A thread with whose it is and every message; the look is audited. */
export const talkThread = staffProcedure("debtor:read")
  .input(z.object({ threadId: z.string().uuid() }))
  .output(threadView.extend({ debtorId: z.string().uuid(), debtorName: z.string() }))
  .query(({ ctx, input }) => openStaffThread(ctx.db, { staffId: ctx.staffId, threadId: input.threadId }));
