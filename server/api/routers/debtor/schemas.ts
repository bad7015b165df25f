import { z } from "zod";
import { isIsoDate } from "../../../domain/calendar";

export const isoDate = z.string().refine(isIsoDate, "a real date, YYYY-MM-DD");
export const ore = z.number().int();
export const caseStateSchema = z.enum(["to_pay", "in_plan", "disputed", "paid", "closed"]);

export const breakdownLineSchema = z.object({
  key: z.string(),
  amountOre: ore,
  paidOre: ore,
  leftOre: ore,
  facts: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const caseBalanceSchema = z.object({
  principal: z.object({ originalOre: ore, paidOre: ore, creditedOre: ore, leftOre: ore }),
  interest: z.object({
    accruedOre: ore,
    paidOre: ore,
    leftOre: ore,
    annualRateBp: z.number().int(),
    sinceDate: isoDate,
    perDayOre: z.number(),
  }),
  fees: z.array(
    z.object({
      chargeId: z.string(),
      kind: z.string(),
      amountOre: ore,
      paidOre: ore,
      leftOre: ore,
      capOre: ore,
      legalBasis: z.string(),
    }),
  ),
  paidOre: ore,
  creditedOre: ore,
  totalOre: ore,
  leftOre: ore,
  lines: z.array(breakdownLineSchema),
});
