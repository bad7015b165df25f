import { z } from "zod";
import { savePreferences, savePreferencesInput } from "../../../modules/preferences/preferences";
import { debtorProcedure } from "../../trpc";

const channel = z.enum(["kivra", "sms", "email", "paper"]);

/** The person's order of channels and language, honoured by every later message. */
export const preferencesSave = debtorProcedure
  .input(savePreferencesInput)
  .output(z.object({ order: z.array(channel) }))
  .mutation(({ ctx, input }) => savePreferences(ctx.db, { ...input, debtorId: ctx.debtorId, now: ctx.now }));
