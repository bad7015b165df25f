import { z } from "zod";
import { clearSupportNeed } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";

export const debtorsClearSupportNeed = staffProcedure("debtor:write")
  .input(z.object({ debtorId: z.string().uuid() }))
  .output(z.object({ cleared: z.number().int() }))
  .mutation(({ ctx, input }) => clearSupportNeed(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
