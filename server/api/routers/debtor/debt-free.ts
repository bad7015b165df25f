import { z } from "zod";
import { todayInStockholm } from "../../../domain/calendar";
import { debtFreeForDebtor } from "../../../modules/cases/debt-free";
import { debtorProcedure } from "../../trpc";
import { isoDate, ore } from "./schemas";

export const debtFreeInput = z.object({ monthlyOre: z.number().int().min(100).max(100_000_000) });

export const debtFreeOutput = z.object({
  totalLeftOre: ore,
  start: isoDate,
  months: z.array(z.object({ date: isoDate, leftOre: ore })),
  debtFreeDate: isoDate.nullable(),
  interestOre: ore,
  baselineMonthlyOre: ore.nullable(),
  baselineMonths: z.array(z.object({ date: isoDate, leftOre: ore })).nullable(),
  interestAvoidedOre: ore.nullable(),
});

/** The debt-free date for a monthly amount, over all of this debtor's open cases. */
export const debtFree = debtorProcedure
  .input(debtFreeInput)
  .output(debtFreeOutput)
  .query(({ ctx, input }) => debtFreeForDebtor(ctx.db, { debtorId: ctx.debtorId, monthlyOre: input.monthlyOre, asOf: todayInStockholm(ctx.now) }));
