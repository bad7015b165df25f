import { z } from "zod";
import { openStaffCallback } from "../../../modules/talk/callbacks";
import { staffProcedure } from "../../trpc";
import { callbackView } from "../debtor/talk-schemas";

/** A callback to make, with the person's name and number; the look is audited. */
export const callbacksGet = staffProcedure("debtor:read")
  .input(z.object({ callbackId: z.string().uuid() }))
  .output(callbackView.extend({ debtorId: z.string().uuid(), debtorName: z.string(), outcomeNote: z.string().nullable() }))
  .query(({ ctx, input }) => openStaffCallback(ctx.db, { staffId: ctx.staffId, callbackId: input.callbackId }));
