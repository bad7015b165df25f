import { z } from "zod";
import { submitDispute } from "../../../modules/disputes/submit";
import { debtorProcedure } from "../../trpc";
import { disputeDescription, disputePart, disputeReason } from "./disputes-schemas";
import { isoDate, ore } from "./schemas";

/** The debtor disputes one of their own cases: its automated steps stop until a person decides. */
export const disputesSubmit = debtorProcedure
  .input(z.object({ caseId: z.string().uuid(), reason: disputeReason, part: disputePart, amountOre: z.number().int().nullable(), description: disputeDescription }))
  .output(z.object({ disputeId: z.string().uuid(), part: disputePart, disputedOre: ore, answerBy: isoDate }))
  .mutation(({ ctx, input }) => submitDispute(ctx.db, { debtorId: ctx.debtorId, ...input, now: ctx.now }));
