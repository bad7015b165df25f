import { z } from "zod";
import { liftHold } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";

export const casesLiftHold = staffProcedure("debtor:write")
  .input(z.object({ holdId: z.string().uuid() }))
  .output(z.object({ holdId: z.string().uuid() }))
  .mutation(({ ctx, input }) => liftHold(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
