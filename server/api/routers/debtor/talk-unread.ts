import { z } from "zod";
import { countUnreadReplies } from "../../../modules/talk/threads";
import { debtorProcedure } from "../../trpc";

/** How many of our replies the person has not opened (the overview's link says so). */
export const talkUnread = debtorProcedure.output(z.object({ unread: z.number().int() })).query(async ({ ctx }) => ({ unread: await countUnreadReplies(ctx.db, ctx.debtorId) }));
