import { z } from "zod";
import { workItemKindEnum, workItemStatusEnum } from "../../../db/schema";
import { TIMELINE_KINDS } from "../../../modules/workplace/debtor-schema-kinds";

export const workItemKind = z.enum(workItemKindEnum.enumValues);
export const workItemStatus = z.enum(workItemStatusEnum.enumValues);
export const timelineKind = z.enum(TIMELINE_KINDS);
export const staffRole = z.enum(["agent", "supervisor", "admin"]);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const reason = z.string().trim().min(3).max(500);
