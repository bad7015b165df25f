import { z } from "zod";
import { proposePlan } from "../../../modules/plans/propose";
import { debtorProcedure } from "../../trpc";
import { ore } from "./schemas";
import { planAnswersInput } from "./plans-schemas";

/** Saves a plan: inside policy it waits for a BankID signature, outside it goes to a person. */
export const plansPropose = debtorProcedure
  .input(
    z.object({
      answers: planAnswersInput,
      request: z.object({ reason: z.string().trim().min(1).max(2000), monthlyIncomeOre: ore.nonnegative().nullable().optional(), monthlyCostsOre: ore.nonnegative().nullable().optional() }).optional(),
      replacesPlanId: z.string().uuid().optional(),
    }),
  )
  .output(z.object({ planId: z.string().uuid(), status: z.enum(["awaiting_signature", "requested"]) }))
  .mutation(({ ctx, input }) => proposePlan(ctx.db, { debtorId: ctx.debtorId, answers: input.answers, request: input.request, replacesPlanId: input.replacesPlanId, locale: ctx.locale, now: ctx.now }));
