import { z } from "zod";
import { todayInStockholm } from "../../../domain/calendar";
import { listDebtorCases } from "../../../modules/cases/list-debtor-cases";
import { debtorProcedure } from "../../trpc";
import { caseStateSchema, isoDate, ore } from "./schemas";

export const casesListOutput = z.object({
  cases: z.array(
    z.object({
      id: z.string().uuid(),
      caseNumber: z.string(),
      creditorName: z.string(),
      description: z.string(),
      leftOre: ore,
      state: caseStateSchema,
      nextDate: isoDate.nullable(),
      nextAmountOre: ore.nullable(),
    }),
  ),
  totalLeftOre: ore,
});

/** The signed-in debtor's cases across creditors. */
export const casesList = debtorProcedure
  .output(casesListOutput)
  .query(({ ctx }) => listDebtorCases(ctx.db, { debtorId: ctx.debtorId, asOf: todayInStockholm(ctx.now) }));
