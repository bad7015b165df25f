import { z } from "zod";
import { isIsoDate } from "../../../domain/calendar";
import { staffTalkQueue } from "../../../modules/talk/overview";
import { staffProcedure } from "../../trpc";

const day = z.string().refine(isIsoDate, "a real date, YYYY-MM-DD");

/** Messages, callbacks, complaints and data-access requests waiting for us. */
export const talkQueue = staffProcedure("queue:read")
  .output(
    z.object({
      threads: z.array(z.object({ id: z.string().uuid(), debtorName: z.string(), caseNumber: z.string().nullable(), replyDueOn: day.nullable(), lastMessageAt: z.date() })),
      callbacks: z.array(z.object({ id: z.string().uuid(), debtorName: z.string(), caseNumber: z.string().nullable(), day, startHour: z.number().int(), endHour: z.number().int() })),
      requests: z.array(z.object({ id: z.string().uuid(), kind: z.enum(["complaint", "data_access"]), debtorName: z.string(), caseNumber: z.string().nullable(), dueOn: day })),
    }),
  )
  .query(({ ctx }) => staffTalkQueue(ctx.db, { staffId: ctx.staffId }));
