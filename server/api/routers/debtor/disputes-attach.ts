import { z } from "zod";
import { attachDisputeFiles } from "../../../modules/disputes/drafts";
import { debtorProcedure } from "../../trpc";
import { incomingFiles } from "./talk-schemas";

/** Files for the debtor's unsent dispute, checked by their content; a refusal stores nothing. */
export const disputesAttach = debtorProcedure
  .input(z.object({ caseId: z.string().uuid(), files: incomingFiles }))
  .output(z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), stored: z.number().int() }), z.object({ ok: z.literal(false), code: z.string(), fileName: z.string().nullable() })]))
  .mutation(({ ctx, input }) => attachDisputeFiles(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId, files: input.files, now: ctx.now }));
