import { z } from "zod";
import { getStaffDispute } from "../../../modules/disputes/staff-read";
import { staffProcedure } from "../../trpc";

const ore = z.number().int();

/** One dispute, the debtor's words and the case's balance today. */
export const disputesGet = staffProcedure("debtor:read")
  .input(z.object({ disputeId: z.string().uuid() }))
  .output(
    z.object({
      id: z.string().uuid(),
      status: z.enum(["open", "upheld", "rejected", "withdrawn"]),
      reason: z.string(),
      part: z.enum(["all", "part"]),
      disputedOre: ore,
      description: z.string(),
      createdAt: z.date(),
      dueBy: z.date().nullable(),
      debtorName: z.string(),
      remedy: z.enum(["cancel", "reduce"]).nullable(),
      creditedOre: ore.nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: z.date().nullable(),
      resumesOn: z.string().nullable(),
      files: z.array(z.object({ id: z.string().uuid(), fileName: z.string(), sizeBytes: z.number().int() })),
      case: z.object({
        id: z.string().uuid(),
        caseNumber: z.string(),
        creditorName: z.string(),
        invoiceNumber: z.string(),
        principalOre: ore,
        principalLeftOre: ore,
        interestLeftOre: ore,
        feesLeftOre: ore,
        paidOre: ore,
        leftOre: ore,
      }),
    }),
  )
  .query(({ ctx, input }) => getStaffDispute(ctx.db, { staffId: ctx.staffId, disputeId: input.disputeId, now: ctx.now }));
