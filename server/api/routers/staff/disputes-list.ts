import { z } from "zod";
import { listOpenDisputes } from "../../../modules/disputes/staff-read";
import { staffProcedure } from "../../trpc";

/** Open disputes, the one due first on top. */
export const disputesList = staffProcedure("queue:read")
  .output(
    z.array(
      z.object({
        id: z.string().uuid(),
        caseNumber: z.string(),
        creditorName: z.string(),
        reason: z.string(),
        part: z.enum(["all", "part"]),
        disputedOre: z.number().int(),
        createdAt: z.date(),
        dueBy: z.date().nullable(),
      }),
    ),
  )
  .query(({ ctx }) => listOpenDisputes(ctx.db, { staffId: ctx.staffId }));
