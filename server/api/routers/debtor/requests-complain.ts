import { z } from "zod";
import { fileComplaint } from "../../../modules/talk/requests";
import { debtorProcedure } from "../../trpc";

/** A complaint about how we handled something. */
export const requestsComplain = debtorProcedure
  .input(z.object({ caseId: z.string().uuid().nullable(), body: z.string().max(50_000) }))
  .output(z.union([z.object({ ok: z.literal(true), requestId: z.string().uuid(), dueOn: z.string() }), z.object({ ok: z.literal(false), code: z.string() })]))
  .mutation(({ ctx, input }) => fileComplaint(ctx.db, { debtorId: ctx.debtorId, caseId: input.caseId, body: input.body, now: ctx.now }));
