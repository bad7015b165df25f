import { z } from "zod";
import { listQueue } from "../../../modules/workplace/queue";
import { staffProcedure } from "../../trpc";
import { workItemKind, workItemStatus } from "./workplace-schemas";

/** The work queue: every open item, due first on top, with filters. */
export const queueList = staffProcedure("queue:read")
  .input(
    z.object({
      kind: workItemKind.optional(),
      who: z.enum(["mine", "unassigned", "everyone"]).default("everyone"),
      creditorId: z.string().uuid().optional(),
      overdue: z.boolean().default(false),
      page: z.number().int().min(1).max(1000).default(1),
    }),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          id: z.string().uuid(),
          kind: workItemKind,
          status: workItemStatus,
          subjectId: z.string().uuid(),
          debtorId: z.string().uuid().nullable(),
          caseId: z.string().uuid().nullable(),
          dueBy: z.string(),
          createdAt: z.string(),
          summary: z.string().nullable(),
          assignedTo: z.string().uuid().nullable(),
          assigneeName: z.string().nullable(),
          debtorName: z.string().nullable(),
          caseNumber: z.string().nullable(),
          creditorName: z.string().nullable(),
          supportNeed: z.boolean(),
          viewers: z.array(z.string()),
        }),
      ),
      total: z.number().int(),
      overdue: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      assignees: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
      creditors: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
    }),
  )
  .query(({ ctx, input }) => listQueue(ctx.db, { staffId: ctx.staffId, filters: input, now: ctx.now }));
