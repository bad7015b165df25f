import { z } from "zod";
import { cancelCallback } from "../../../modules/talk/callbacks";
import { debtorProcedure } from "../../trpc";

/** The person no longer needs the call. */
export const callbacksCancel = debtorProcedure
  .input(z.object({ callbackId: z.string().uuid() }))
  .output(z.object({ callbackId: z.string().uuid() }))
  .mutation(({ ctx, input }) => cancelCallback(ctx.db, { debtorId: ctx.debtorId, callbackId: input.callbackId, now: ctx.now }));
