import { z } from "zod";
import { debtorTalkOverview } from "../../../modules/talk/overview";
import { debtorProcedure } from "../../trpc";
import { callbackView, requestView, threadSummary } from "./talk-schemas";

/** The person's threads, callbacks and requests, and how many of our replies are unread. */
export const talkOverview = debtorProcedure
  .output(z.object({ threads: z.array(threadSummary), callbacks: z.array(callbackView), requests: z.array(requestView), unread: z.number().int() }))
  .query(({ ctx }) => debtorTalkOverview(ctx.db, ctx.debtorId));
