import { z } from "zod";
import { todayInStockholm } from "../../../domain/calendar";
import { getDebtorCase } from "../../../modules/cases/get-debtor-case";
import { debtorProcedure } from "../../trpc";
import { planStatus } from "./plans-schemas";
import { caseBalanceSchema, caseStateSchema, isoDate, ore } from "./schemas";

export const casesGetInput = z.object({ caseId: z.string().uuid() });

export const casesGetOutput = z.object({
  id: z.string().uuid(),
  caseNumber: z.string(),
  state: caseStateSchema,
  creditor: z.object({ name: z.string() }),
  description: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: isoDate,
  originalDueDate: isoDate,
  reminderSentOn: isoDate.nullable(),
  collectionLetterSentOn: isoDate.nullable(),
  dueDate: isoDate,
  dueDateMovedOn: isoDate.nullable(),
  dueDateMovedFrom: isoDate.nullable(),
  paymentOrderFrom: isoDate.nullable(),
  paymentOrderCostOre: ore,
  ocrReference: z.string(),
  plan: z
    .object({ id: z.string().uuid(), status: planStatus, next: z.object({ dueDate: isoDate, amountOre: ore }).nullable() })
    .nullable(),
  balance: caseBalanceSchema,
  disputedOre: ore,
  payableOre: ore,
  dispute: z
    .object({
      id: z.string().uuid(),
      status: z.enum(["open", "upheld", "rejected", "withdrawn"]),
      reason: z.string(),
      part: z.enum(["all", "part"]),
      disputedOre: ore,
      madeOn: isoDate,
      answerBy: isoDate,
      remedy: z.enum(["cancel", "reduce"]).nullable(),
      creditedOre: ore.nullable(),
      decisionReason: z.string().nullable(),
      toldOn: isoDate.nullable(),
      lastDay: isoDate.nullable(),
      resumesOn: isoDate.nullable(),
      /** Its hold still stops the automated steps today. */
      holdsToday: z.boolean(),
    })
    .nullable(),
  payments: z.array(z.object({ id: z.string().uuid(), method: z.string(), amountOre: ore, bookedOn: isoDate, overpaymentOre: ore })),
  documents: z.array(z.object({ id: z.string().uuid(), kind: z.string(), issuedOn: isoDate })),
  events: z.array(z.object({ kind: z.string(), occurredOn: isoDate, details: z.string().nullable() })),
});

/** One of the signed-in debtor's cases, in full. Another person's case is simply not found. */
export const casesGet = debtorProcedure
  .input(casesGetInput)
  .output(casesGetOutput)
  .query(({ ctx, input }) => getDebtorCase(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId, asOf: todayInStockholm(ctx.now) }));
