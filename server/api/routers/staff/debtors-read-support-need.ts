import { z } from "zod";
import { readSupportNeed, SUPPORT_NEED_KINDS } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";
import { reason } from "./workplace-schemas";

/** The support need's kind and detail, with the reason for reading them (audited). */
export const debtorsReadSupportNeed = staffProcedure("support-needs:read")
  .input(z.object({ debtorId: z.string().uuid(), reason }))
  .output(z.object({ id: z.string().uuid(), kind: z.enum(SUPPORT_NEED_KINDS), detail: z.string(), setAt: z.string() }))
  .mutation(({ ctx, input }) => readSupportNeed(ctx.db, { staffId: ctx.staffId, ...input }));
