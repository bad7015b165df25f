import { z } from "zod";
import { openDebtorRequest } from "../../../modules/talk/requests";
import { debtorProcedure } from "../../trpc";
import { requestView } from "./talk-schemas";

/** One of the person's complaints or data-access requests; an answer counts as read from now. */
export const requestsOpen = debtorProcedure
  .input(z.object({ requestId: z.string().uuid() }))
  .output(requestView)
  .mutation(({ ctx, input }) => openDebtorRequest(ctx.db, { debtorId: ctx.debtorId, requestId: input.requestId, now: ctx.now }));
