import { z } from "zod";
import { isoDate, ore } from "./schemas";

export const planAnswersInput = z.object({
  caseIds: z.array(z.string().uuid()).min(1).max(20),
  monthlyOre: ore.positive().nullable().optional(),
  months: z.number().int().min(1).max(120).nullable().optional(),
  dueDay: z.number().int().min(1).max(28),
  method: z.enum(["swish", "card", "bankgiro"]),
  /** Changing the amount of this plan: its own cases may be planned again, without a new fee. */
  replacesPlanId: z.string().uuid().nullable().optional(),
});

export const planPreviewOutput = z.object({
  cases: z.array(z.object({ id: z.string().uuid(), caseNumber: z.string(), creditorName: z.string(), leftOre: ore })),
  balanceOre: ore,
  monthlyOre: ore,
  months: z.number().int(),
  dueDay: z.number().int(),
  method: z.enum(["swish", "card", "bankgiro"]),
  instalments: z.array(z.object({ seq: z.number().int(), dueDate: isoDate, amountOre: ore })),
  feeOre: ore,
  interestOre: ore,
  totalOre: ore,
  inside: z.boolean(),
  reasons: z.array(z.string()),
  policy: z.object({ minInstalmentOre: ore, maxPlanMonths: z.number().int(), allowPlanPause: z.boolean() }),
});

export const planStatus = z.enum(["awaiting_signature", "requested", "rejected", "active", "paused", "lapsed", "completed", "cancelled"]);
