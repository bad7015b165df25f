import { previewPlan } from "../../../modules/plans/propose";
import { debtorProcedure } from "../../trpc";
import { planAnswersInput, planPreviewOutput } from "./plans-schemas";

/** A plan as it would be, shown live while the debtor answers; nothing is saved. */
export const plansPreview = debtorProcedure
  .input(planAnswersInput)
  .output(planPreviewOutput)
  .query(({ ctx, input }) => previewPlan(ctx.db, { debtorId: ctx.debtorId, answers: input, now: ctx.now, replacesPlanId: input.replacesPlanId ?? undefined }));
