import { z } from "zod";
import { revealPersonalNumber } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";
import { reason } from "./workplace-schemas";

/** The full personal number, with the reason for seeing it (audited). */
export const debtorsRevealNumber = staffProcedure("debtor:reveal-pnr")
  .input(z.object({ debtorId: z.string().uuid(), reason }))
  .output(z.object({ personalNumber: z.string() }))
  .mutation(({ ctx, input }) => revealPersonalNumber(ctx.db, { staffId: ctx.staffId, ...input }));
