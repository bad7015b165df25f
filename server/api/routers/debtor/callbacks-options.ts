import { z } from "zod";
import { callbackDays, callbackWindows } from "../../../domain/talk";
import { knownPhone } from "../../../modules/talk/callbacks";
import { debtorProcedure } from "../../trpc";

/** The days and windows a callback can be booked in, and the number we have for the person. */
export const callbacksOptions = debtorProcedure
  .output(z.object({ days: z.array(z.string()), windows: z.array(z.object({ startHour: z.number().int(), endHour: z.number().int() })), phone: z.string().nullable() }))
  .query(async ({ ctx }) => ({ days: callbackDays(ctx.now), windows: callbackWindows(), phone: await knownPhone(ctx.db, ctx.debtorId) }));
