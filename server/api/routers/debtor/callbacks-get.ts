import { z } from "zod";
import { getDebtorCallback } from "../../../modules/talk/callbacks";
import { debtorProcedure } from "../../trpc";
import { callbackView } from "./talk-schemas";

/** One of the person's callback requests; anyone else's is not found. */
export const callbacksGet = debtorProcedure
  .input(z.object({ callbackId: z.string().uuid() }))
  .output(callbackView)
  .query(({ ctx, input }) => getDebtorCallback(ctx.db, { debtorId: ctx.debtorId, callbackId: input.callbackId }));
