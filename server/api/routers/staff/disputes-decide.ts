import { z } from "zod";
import { decideDispute } from "../../../modules/disputes/decide";
import { staffProcedure } from "../../trpc";

const decision = z.union([
  z.object({ outcome: z.literal("uphold"), remedy: z.literal("cancel") }),
  z.object({ outcome: z.literal("uphold"), remedy: z.literal("reduce"), reduceOre: z.number().int().positive() }),
  z.object({ outcome: z.literal("reject") }),
]);

/** Upholds a dispute (the claim cancelled or reduced by a credit) or rejects it with a written reason. */
export const disputesDecide = staffProcedure("disputes:decide")
  .input(z.object({ disputeId: z.string().uuid(), decision, reason: z.string().max(5000).default("") }))
  .output(
    z.object({
      disputeId: z.string().uuid(),
      status: z.enum(["upheld", "rejected"]),
      creditedOre: z.number().int(),
      caseClosed: z.boolean(),
      lastDay: z.string().nullable(),
      resumesOn: z.string().nullable(),
      repeated: z.boolean(),
    }),
  )
  .mutation(({ ctx, input }) => decideDispute(ctx.db, { staffId: ctx.staffId, disputeId: input.disputeId, decision: input.decision, reason: input.reason, now: ctx.now }));
