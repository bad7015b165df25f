import { z } from "zod";
import { requestCallback } from "../../../modules/talk/callbacks";
import { debtorProcedure } from "../../trpc";

/** The person asks us to ring them in a window on a bank day. */
export const callbacksRequest = debtorProcedure
  .input(z.object({ caseId: z.string().uuid().nullable(), phone: z.string().max(40), day: z.string().max(10), startHour: z.number().int().nullable(), topic: z.string().max(2000) }))
  .output(z.object({ callbackId: z.string().uuid(), day: z.string(), startHour: z.number().int(), endHour: z.number().int() }))
  .mutation(({ ctx, input }) => requestCallback(ctx.db, { ...input, debtorId: ctx.debtorId, now: ctx.now }));
