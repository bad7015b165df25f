import { z } from "zod";
import { isIsoDate } from "../../../domain/calendar";

/** Shapes the "talk to us" procedures return. */
export const subjectInput = z.union([z.literal("general"), z.object({ caseId: z.string().uuid() })]);
const isoDay = z.string().refine(isIsoDate, "a real date, YYYY-MM-DD");
const threadStatus = z.enum(["waiting_for_us", "waiting_for_debtor", "closed"]);
export const attachmentInfo = z.object({ id: z.string().uuid(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() });
export const threadSummary = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid().nullable(),
  caseNumber: z.string().nullable(),
  status: threadStatus,
  replyDueOn: isoDay.nullable(),
  lastMessageAt: z.date(),
  unread: z.number().int(),
});
export const threadView = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid().nullable(),
  caseNumber: z.string().nullable(),
  status: threadStatus,
  replyDueOn: isoDay.nullable(),
  messages: z.array(
    z.object({
      id: z.string().uuid(),
      author: z.enum(["debtor", "staff", "system"]),
      staffName: z.string().nullable(),
      body: z.string(),
      createdAt: z.date(),
      readAt: z.date().nullable(),
      attachments: z.array(attachmentInfo),
    }),
  ),
});
export const callbackView = z.object({
  id: z.string().uuid(),
  caseId: z.string().uuid().nullable(),
  caseNumber: z.string().nullable(),
  phone: z.string(),
  day: isoDay,
  startHour: z.number().int(),
  endHour: z.number().int(),
  topic: z.string(),
  status: z.enum(["requested", "cancelled", "done"]),
  outcome: z.enum(["reached", "no_answer", "wrong_number"]).nullable(),
  createdAt: z.date(),
  cancelledAt: z.date().nullable(),
  doneAt: z.date().nullable(),
});
export const requestView = z.object({
  id: z.string().uuid(),
  kind: z.enum(["complaint", "data_access"]),
  caseId: z.string().uuid().nullable(),
  caseNumber: z.string().nullable(),
  body: z.string(),
  status: z.enum(["open", "answered"]),
  dueOn: isoDay,
  answer: z.string().nullable(),
  createdAt: z.date(),
  answeredAt: z.date().nullable(),
  readAt: z.date().nullable(),
});
export const incomingFiles = z.array(z.object({ name: z.string().max(1000), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) })).max(50);
