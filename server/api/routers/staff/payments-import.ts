import { z } from "zod";
import { env, isDemo } from "../../../env";
import { importBgMax } from "../../../modules/payments/import-bgmax";
import { staffProcedure } from "../../trpc";

/** 20 MB of BgMax is about 250 000 payments. */
const MAX_BYTES = 20 * 1024 * 1024;

/** Imports a BgMax file uploaded by a member of staff. */
export const paymentsImport = staffProcedure("payments:write")
  .input(z.object({ contentBase64: z.string().min(1).max(Math.ceil((MAX_BYTES * 4) / 3) + 4) }))
  .output(
    z.object({
      importId: z.string().uuid().nullable(),
      alreadyImported: z.boolean(),
      fileTimestamp: z.string(),
      payments: z.number().int(),
      totalOre: z.number().int(),
      booked: z.number().int(),
      unmatched: z.number().int(),
      overpaid: z.number().int(),
      duplicates: z.number().int(),
      deductions: z.number().int(),
      bookedOre: z.number().int(),
      unmatchedOre: z.number().int(),
    }),
  )
  .mutation(({ ctx, input }) =>
    importBgMax(ctx.db, {
      bytes: Buffer.from(input.contentBase64, "base64"),
      payeeBankgiro: env().KVITT_BANKGIRO,
      importedBy: ctx.staffId,
      actor: { kind: "staff", id: ctx.staffId },
      // Each payment is booked by the import; the one staff event is the import itself.
      bookingActor: { kind: "system", id: "bgmax" },
      // The demo's generated files are marked as test files.
      allowTestFile: isDemo(),
    }),
  );
