import { z } from "zod";
import { recordPromise } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";
import { isoDate } from "./workplace-schemas";

/** A promise to pay an amount by a date; the queue shows it if it is broken. */
export const casesRecordPromise = staffProcedure("debtor:write")
  .input(z.object({ caseId: z.string().uuid(), amountOre: z.number().int().min(100).max(100_000_000_00), dueOn: isoDate }))
  .output(z.object({ promiseId: z.string().uuid() }))
  .mutation(({ ctx, input }) => recordPromise(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
