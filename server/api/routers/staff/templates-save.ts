import { z } from "zod";
import { saveTemplate } from "../../../modules/workplace/templates";
import { staffProcedure } from "../../trpc";

/** Adds or changes a reply template in both languages (supervisors). */
export const templatesSave = staffProcedure("templates:write")
  .input(z.object({ id: z.string().uuid().optional(), name: z.string().trim().min(2).max(80), bodySv: z.string().trim().min(1).max(5000), bodyEn: z.string().trim().min(1).max(5000), active: z.boolean().default(true) }))
  .output(z.object({ templateId: z.string().uuid() }))
  .mutation(({ ctx, input }) => saveTemplate(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
