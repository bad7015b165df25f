import { z } from "zod";
import { agentLoad } from "../../../modules/workplace/queue";
import { staffProcedure } from "../../trpc";
import { staffRole } from "./workplace-schemas";

/** Each member of staff's open and overdue items (supervisors). */
export const queueLoad = staffProcedure("staff:load")
  .output(z.array(z.object({ staffId: z.string().uuid(), name: z.string(), role: staffRole, open: z.number().int(), overdue: z.number().int() })))
  .query(({ ctx }) => agentLoad(ctx.db, { staffId: ctx.staffId, now: ctx.now }));
