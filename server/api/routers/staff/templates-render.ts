import { z } from "zod";
import { renderTemplate } from "../../../modules/workplace/templates";
import { staffProcedure } from "../../trpc";

/** A template filled in with the case's facts, in the debtor's language. */
export const templatesRender = staffProcedure("templates:read")
  .input(z.object({ templateId: z.string().uuid(), debtorId: z.string().uuid(), caseId: z.string().uuid().nullish() }))
  .output(z.object({ templateId: z.string().uuid(), language: z.enum(["sv", "en"]), text: z.string() }))
  .query(({ ctx, input }) => renderTemplate(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
