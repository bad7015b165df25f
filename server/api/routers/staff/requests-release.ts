import { z } from "zod";
import { releaseDataAccess } from "../../../modules/talk/requests";
import { staffProcedure } from "../../trpc";

/** Compiles and releases a data-access answer to the person. */
export const requestsRelease = staffProcedure("talk:answer")
  .input(z.object({ requestId: z.string().uuid() }))
  .output(z.object({ requestId: z.string().uuid() }))
  .mutation(({ ctx, input }) => releaseDataAccess(ctx.db, { staffId: ctx.staffId, requestId: input.requestId, now: ctx.now }));
