import { z } from "zod";
import { counterOfferPlan } from "../../../modules/plans/staff-requests";
import { staffProcedure } from "../../trpc";

/** Answers a plan request with other terms (a monthly amount or a number of months); the debtor then signs. */
export const plansCounterOffer = staffProcedure("plans:decide")
  .input(
    z
      .object({ planId: z.string().uuid(), monthlyOre: z.number().int().min(100).optional(), months: z.number().int().min(1).max(120).optional(), note: z.string().trim().max(1000).default("") })
      .refine((v) => !!v.monthlyOre !== !!v.months, "give a monthly amount or a number of months"),
  )
  .output(z.object({ planId: z.string().uuid(), status: z.literal("awaiting_signature"), monthlyOre: z.number().int(), months: z.number().int() }))
  .mutation(({ ctx, input }) => counterOfferPlan(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
