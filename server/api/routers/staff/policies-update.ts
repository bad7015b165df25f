import { z } from "zod";
import { updatePolicy } from "../../../modules/workplace/policies";
import { staffProcedure } from "../../trpc";

/** A new version of a creditor's policy (supervisors); plans keep the version they were made under. */
export const policiesUpdate = staffProcedure("policy:write")
  .input(
    z.object({
      creditorId: z.string().uuid(),
      expectedVersion: z.number().int().optional(),
      minInstalmentOre: z.number().int().min(100).max(10_000_000),
      maxPlanMonths: z.number().int().min(1).max(120),
      chargePlanFee: z.boolean(),
      allowPlanPause: z.boolean(),
      replyBankDays: z.number().int().min(1).max(10),
      note: z.string().trim().max(500).default(""),
    }),
  )
  .output(z.object({ creditorId: z.string().uuid(), version: z.number().int() }))
  .mutation(({ ctx, input }) => {
    const { creditorId, expectedVersion, note, ...fields } = input;
    return updatePolicy(ctx.db, { staffId: ctx.staffId, creditorId, expectedVersion, fields, note, now: ctx.now });
  });
