import { z } from "zod";
import { requestDataAccess } from "../../../modules/talk/requests";
import { debtorProcedure } from "../../trpc";

/** "What data do you have on me?" (registerutdrag): one open request at a time. */
export const requestsDataAccess = debtorProcedure
  .output(z.object({ requestId: z.string().uuid(), dueOn: z.string(), already: z.boolean() }))
  .mutation(({ ctx }) => requestDataAccess(ctx.db, { debtorId: ctx.debtorId, now: ctx.now }));
