import { z } from "zod";
import { listAudit } from "../../../modules/workplace/audit-view";
import { staffProcedure } from "../../trpc";
import { isoDate } from "./workplace-schemas";

export const auditFilters = z.object({
  staffUserId: z.string().uuid().optional(),
  debtorId: z.string().uuid().optional(),
  looksOnly: z.boolean().default(false),
  action: z.string().trim().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

/** Who looked at whom, when and why (supervisors). */
export const auditList = staffProcedure("audit:read")
  .input(auditFilters)
  .output(z.array(z.object({ id: z.number().int(), at: z.string(), staffId: z.string().nullable(), staffName: z.string().nullable(), action: z.string(), debtorId: z.string().uuid().nullable(), debtorName: z.string().nullable(), subject: z.string().nullable(), reason: z.string().nullable() })))
  .query(({ ctx, input }) => listAudit(ctx.db, { staffId: ctx.staffId, filters: input }));
