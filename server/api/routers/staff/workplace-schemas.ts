import { z } from "zod";
import { isIsoDate } from "../../../domain/calendar";
import { workItemKindEnum, workItemStatusEnum } from "../../../db/schema";
import { TIMELINE_KINDS } from "../../../modules/workplace/debtor-schema-kinds";

export const workItemKind = z.enum(workItemKindEnum.enumValues);
export const workItemStatus = z.enum(workItemStatusEnum.enumValues);
export const timelineKind = z.enum(TIMELINE_KINDS);
export const staffRole = z.enum(["agent", "supervisor", "admin"]);
export const isoDate = z.string().refine(isIsoDate, "a real date, YYYY-MM-DD");
export const reason = z.string().trim().min(3).max(500);
