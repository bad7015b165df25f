import { z } from "zod";
import { startVerification } from "../../../modules/preferences/preferences";
import { debtorProcedure } from "../../trpc";
import { contactChannel } from "./preferences-schemas";

/** A six-digit code to a phone number or e-mail address the person is adding, through that channel. */
export const preferencesSendCode = debtorProcedure
  .input(z.object({ channel: contactChannel, address: z.string().max(300) }))
  .output(z.object({ messageId: z.string().uuid(), address: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const started = await startVerification(ctx.db, { ...input, debtorId: ctx.debtorId, now: ctx.now });
    return { messageId: started.messageId, address: started.address };
  });
