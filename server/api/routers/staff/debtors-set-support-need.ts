import { z } from "zod";
import { setSupportNeed, SUPPORT_NEED_KINDS } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";

/** Sets a support need (special-category data): slower pace and a gentler tone. */
export const debtorsSetSupportNeed = staffProcedure("debtor:write")
  .input(z.object({ debtorId: z.string().uuid(), kind: z.enum(SUPPORT_NEED_KINDS), detail: z.string().trim().max(2000).default("") }))
  .output(z.object({ supportNeedId: z.string().uuid() }))
  .mutation(({ ctx, input }) => setSupportNeed(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
