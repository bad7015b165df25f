import { z } from "zod";
import { addNote } from "../../../modules/workplace/actions";
import { staffProcedure } from "../../trpc";

/** An internal note, never shown to the debtor. */
export const debtorsAddNote = staffProcedure("debtor:write")
  .input(z.object({ debtorId: z.string().uuid(), caseId: z.string().uuid().nullish(), body: z.string().trim().min(1).max(5000) }))
  .output(z.object({ noteId: z.string().uuid() }))
  .mutation(({ ctx, input }) => addNote(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
