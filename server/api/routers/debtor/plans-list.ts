import { z } from "zod";
import { listDebtorPlans } from "../../../modules/plans/read";
import { debtorProcedure } from "../../trpc";
import { ore } from "./schemas";
import { planStatus } from "./plans-schemas";

/** The debtor's plans, newest first. */
export const plansList = debtorProcedure
  .output(z.array(z.object({ id: z.string().uuid(), status: planStatus, monthlyOre: ore, months: z.number().int(), createdAt: z.string(), caseIds: z.array(z.string().uuid()), live: z.boolean() })))
  .query(({ ctx }) => listDebtorPlans(ctx.db, { debtorId: ctx.debtorId }));
