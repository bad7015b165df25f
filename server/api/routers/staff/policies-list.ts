import { z } from "zod";
import { listPolicies } from "../../../modules/workplace/policies";
import { staffProcedure } from "../../trpc";

const fields = { minInstalmentOre: z.number().int(), maxPlanMonths: z.number().int(), chargePlanFee: z.boolean(), allowPlanPause: z.boolean(), replyBankDays: z.number().int() };
/** What new cases open with: set by stopping an experiment. */
const caseTerms = { defaultDueDay: z.number().int(), letterWording: z.enum(["standard", "brief"]), reminderDaysBefore: z.number().int() };

export const policiesList = staffProcedure("queue:read")
  .output(z.array(z.object({ creditorId: z.string().uuid(), creditorName: z.string(), version: z.number().int(), ...fields, ...caseTerms, history: z.array(z.object({ version: z.number().int(), at: z.string(), byName: z.string().nullable(), note: z.string().nullable(), ...fields })) })))
  .query(({ ctx }) => listPolicies(ctx.db, { staffId: ctx.staffId }));
