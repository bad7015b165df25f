import { z } from "zod";
import { DISPUTE_DESCRIPTION_MAX, DISPUTE_REASONS } from "../../../domain/disputes";
import { attachmentInfo } from "./talk-schemas";

export const disputeReason = z.enum(DISPUTE_REASONS);
export const disputePart = z.enum(["all", "part"]);
export const disputeDraftSchema = z.object({
  caseId: z.string().uuid(),
  reason: disputeReason,
  part: disputePart,
  disputedOre: z.number().int().min(0),
  description: z.string(),
  files: z.array(attachmentInfo),
  fileError: z.object({ code: z.string(), fileName: z.string().nullable() }).nullable(),
});
export const disputeDescription = z.string().max(DISPUTE_DESCRIPTION_MAX * 4);
