import { z } from "zod";
import { exportAuditCsv } from "../../../modules/workplace/audit-view";
import { staffProcedure } from "../../trpc";
import { auditFilters } from "./audit-list";

/** The audit view's rows as CSV. */
export const auditExport = staffProcedure("audit:read")
  .input(auditFilters)
  .output(z.object({ csv: z.string(), rows: z.number().int() }))
  .query(({ ctx, input }) => exportAuditCsv(ctx.db, { staffId: ctx.staffId, filters: input }));
