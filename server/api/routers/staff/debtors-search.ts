import { z } from "zod";
import { searchDebtors } from "../../../modules/workplace/search";
import { staffProcedure } from "../../trpc";

/** One box: personal number, name, case, OCR or invoice number, phone or e-mail. */
export const debtorsSearch = staffProcedure("queue:read")
  .input(z.object({ query: z.string().trim().min(2).max(100) }))
  .output(
    z.array(
      z.object({
        id: z.string().uuid(),
        name: z.string(),
        maskedPersonalNumber: z.string(),
        city: z.string().nullable(),
        caseCount: z.number().int(),
        supportNeed: z.boolean(),
        matchedBy: z.enum(["personal_number", "case_number", "ocr", "invoice", "email", "phone", "name"]),
        caseNumber: z.string().nullable(),
      }),
    ),
  )
  .query(({ ctx, input }) => searchDebtors(ctx.db, { staffId: ctx.staffId, query: input.query, now: ctx.now }));
