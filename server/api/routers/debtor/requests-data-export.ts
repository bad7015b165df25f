import { z } from "zod";
import { readDataAccessAnswer } from "../../../modules/talk/requests";
import type { PersonData } from "../../../modules/talk/person-data";
import { debtorProcedure } from "../../trpc";

/** The released data-access answer (for the PDF and the JSON download); anyone else's is not found. */
export const requestsDataExport = debtorProcedure
  .input(z.object({ requestId: z.string().uuid() }))
  .output(z.custom<PersonData>((v) => typeof v === "object" && v !== null && "person" in v && "cases" in v))
  .query(({ ctx, input }) => readDataAccessAnswer(ctx.db, { debtorId: ctx.debtorId, requestId: input.requestId }));
