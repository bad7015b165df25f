import { z } from "zod";
import { readAttachmentForStaff } from "../../../modules/attachments/attachments";
import { staffProcedure } from "../../trpc";

/** A file a debtor sent, for a person handling it; the look is audited. */
export const attachmentsDownload = staffProcedure("debtor:read")
  .input(z.object({ attachmentId: z.string().uuid() }))
  .output(z.object({ id: z.string().uuid(), fileName: z.string(), contentType: z.string(), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }))
  .query(({ ctx, input }) => readAttachmentForStaff(ctx.db, { staffId: ctx.staffId, attachmentId: input.attachmentId }));
