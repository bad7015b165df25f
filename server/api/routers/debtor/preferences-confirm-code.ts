import { z } from "zod";
import { confirmVerification } from "../../../modules/preferences/preferences";
import { debtorProcedure } from "../../trpc";
import { contactChannel } from "./preferences-schemas";

/** The code the person received: right, and the number or address is theirs, verified. */
export const preferencesConfirmCode = debtorProcedure
  .input(z.object({ channel: contactChannel, code: z.string().max(20) }))
  .output(z.object({ address: z.string() }))
  .mutation(({ ctx, input }) => confirmVerification(ctx.db, { ...input, debtorId: ctx.debtorId, now: ctx.now }));
