import { z } from "zod";
import { listTemplates } from "../../../modules/workplace/templates";
import { staffProcedure } from "../../trpc";

export const templatesList = staffProcedure("templates:read")
  .input(z.object({ includeInactive: z.boolean().default(false) }).default({ includeInactive: false }))
  .output(z.array(z.object({ id: z.string().uuid(), name: z.string(), bodySv: z.string(), bodyEn: z.string(), active: z.boolean(), updatedAt: z.string() })))
  .query(({ ctx, input }) => listTemplates(ctx.db, { staffId: ctx.staffId, includeInactive: input.includeInactive }));
