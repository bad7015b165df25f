import { z } from "zod";
import { openStaffRequest } from "../../../modules/talk/requests";
import { staffProcedure } from "../../trpc";
import { requestView } from "../debtor/talk-schemas";

/** A complaint or data-access request, with whose it is; the look is audited. */
export const requestsGet = staffProcedure("debtor:read")
  .input(z.object({ requestId: z.string().uuid() }))
  .output(requestView.extend({ debtorId: z.string().uuid(), debtorName: z.string() }))
  .query(({ ctx, input }) => openStaffRequest(ctx.db, { staffId: ctx.staffId, requestId: input.requestId }));
