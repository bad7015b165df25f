import { z } from "zod";
import { answerComplaint } from "../../../modules/talk/requests";
import { staffProcedure } from "../../trpc";

/** A written answer to a complaint. */
export const requestsAnswer = staffProcedure("talk:answer")
  .input(z.object({ requestId: z.string().uuid(), answer: z.string().max(50_000) }))
  .output(z.object({ requestId: z.string().uuid() }))
  .mutation(({ ctx, input }) => answerComplaint(ctx.db, { staffId: ctx.staffId, requestId: input.requestId, answer: input.answer, now: ctx.now }));
