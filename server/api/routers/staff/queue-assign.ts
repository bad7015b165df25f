import { z } from "zod";
import { assignWorkItem } from "../../../modules/workplace/queue";
import { staffProcedure } from "../../trpc";

/** Takes an item ("me"), gives it to another member of staff, or puts it back (null). */
export const queueAssign = staffProcedure("queue:work")
  .input(z.object({ workItemId: z.string().uuid(), to: z.union([z.literal("me"), z.string().uuid(), z.null()]) }))
  .output(z.object({ workItemId: z.string().uuid(), assignedTo: z.string().uuid().nullable() }))
  .mutation(({ ctx, input }) => assignWorkItem(ctx.db, { staffId: ctx.staffId, workItemId: input.workItemId, assignTo: input.to === "me" ? ctx.staffId : input.to, now: ctx.now }));
