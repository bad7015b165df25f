import { z } from "zod";
import { placeHold } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";
import { isoDate, reason } from "./workplace-schemas";

/** Pauses a case's automated steps for N days, with a reason. */
export const casesPlaceHold = staffProcedure("debtor:write")
  .input(z.object({ caseId: z.string().uuid(), days: z.number().int().min(1).max(180), reason }))
  .output(z.object({ holdId: z.string().uuid(), endsOn: isoDate }))
  .mutation(({ ctx, input }) => placeHold(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
