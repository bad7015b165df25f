import { z } from "zod";
import { readAttachmentForDebtor } from "../../../modules/attachments/attachments";
import { debtorProcedure } from "../../trpc";

/** One of the debtor's own files (a message's, a dispute's); anyone else's is not found. */
export const attachmentsDownload = debtorProcedure
  .input(z.object({ attachmentId: z.string().uuid() }))
  .output(z.object({ id: z.string().uuid(), fileName: z.string(), contentType: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }))
  .query(({ ctx, input }) => readAttachmentForDebtor(ctx.db, { debtorId: ctx.debtorId, attachmentId: input.attachmentId }));
