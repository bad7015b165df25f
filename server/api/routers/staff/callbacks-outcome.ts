import { z } from "zod";
import { recordCallbackOutcome } from "../../../modules/talk/callbacks";
import { staffProcedure } from "../../trpc";

/** The call was made (or tried): its outcome. */
export const callbacksOutcome = staffProcedure("talk:answer")
  .input(z.object({ callbackId: z.string().uuid(), outcome: z.enum(["reached", "no_answer", "wrong_number"]), note: z.string().max(2000) }))
  .output(z.object({ callbackId: z.string().uuid() }))
  .mutation(({ ctx, input }) => recordCallbackOutcome(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
