import { getPreferences } from "../../../modules/preferences/preferences";
import { debtorProcedure } from "../../trpc";
import { preferencesOutput } from "./preferences-schemas";

/** The person's channels in order, language, phone and e-mail, and every message we sent them. */
export const preferencesGet = debtorProcedure.output(preferencesOutput).query(({ ctx }) => getPreferences(ctx.db, { debtorId: ctx.debtorId, now: ctx.now }));
