import { z } from "zod";
import { getDebtorScreen } from "../../../modules/workplace/debtor-screen";
import { staffProcedure } from "../../trpc";
import { isoDate, timelineKind, workItemKind, workItemStatus } from "./workplace-schemas";

const money = z.number().int();

/** Everything about one person: contact, cases with balances, plans, payments and one timeline. */
export const debtorsGet = staffProcedure("debtor:read")
  .input(z.object({ debtorId: z.string().uuid(), workItemId: z.string().uuid().optional(), reason: z.string().trim().max(200).optional(), kinds: z.array(timelineKind).max(20).optional() }))
  .output(
    z.object({
      debtor: z.object({
        id: z.string().uuid(),
        name: z.string(),
        maskedPersonalNumber: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        address: z.string().nullable(),
        preferredChannel: z.enum(["kivra", "sms", "email", "paper"]),
        language: z.enum(["sv", "en"]),
        supportNeed: z.object({ id: z.string().uuid(), since: z.string() }).nullable(),
      }),
      viewers: z.array(z.string()),
      cases: z.array(
        z.object({
          id: z.string().uuid(),
          caseNumber: z.string(),
          creditorId: z.string().uuid(),
          creditorName: z.string(),
          invoiceNumber: z.string(),
          ocrReference: z.string(),
          description: z.string(),
          status: z.string(),
          state: z.enum(["to_pay", "in_plan", "disputed", "paid", "closed"]),
          dueDate: isoDate,
          paymentOrderFrom: isoDate.nullable(),
          lines: z.array(z.object({ key: z.string(), amountOre: money, leftOre: money })),
          totalOre: money,
          paidOre: money,
          leftOre: money,
          holds: z.array(z.object({ id: z.string().uuid(), kind: z.enum(["dispute", "staff_hold"]), reason: z.string(), startedAt: z.string(), endsOn: isoDate.nullable(), liftedAt: z.string().nullable(), active: z.boolean(), byName: z.string().nullable() })),
        }),
      ),
      plans: z.array(
        z.object({
          id: z.string().uuid(),
          status: z.string(),
          monthlyOre: money,
          months: z.number().int(),
          dueDay: z.number().int(),
          totalOre: money,
          requestReason: z.string().nullable(),
          monthlyIncomeOre: money.nullable(),
          monthlyCostsOre: money.nullable(),
          createdAt: z.string(),
          policyVersions: z.record(z.string(), z.number().int()),
          caseNumbers: z.array(z.string()),
          instalments: z.array(z.object({ seq: z.number().int(), dueDate: isoDate, amountOre: money, paidOre: money, status: z.string() })),
        }),
      ),
      payments: z.array(z.object({ id: z.string().uuid(), caseNumber: z.string().nullable(), method: z.string(), amountOre: money, bookedOn: isoDate, overpaymentOre: money, refundedOre: money, status: z.string() })),
      promises: z.array(z.object({ id: z.string().uuid(), caseNumber: z.string(), amountOre: money, dueOn: isoDate, status: z.enum(["open", "kept", "broken"]) })),
      workItems: z.array(z.object({ id: z.string().uuid(), kind: workItemKind, status: workItemStatus, subjectId: z.string().uuid(), caseId: z.string().uuid().nullable(), caseNumber: z.string().nullable(), dueBy: z.string(), assignedTo: z.string().uuid().nullable(), assigneeName: z.string().nullable() })),
      timeline: z.array(z.object({ at: z.string(), kind: timelineKind, what: z.string(), caseNumber: z.string().nullable(), staffName: z.string().nullable(), text: z.string().nullable(), amountOre: money.nullable() })),
    }),
  )
  .query(({ ctx, input }) => getDebtorScreen(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
