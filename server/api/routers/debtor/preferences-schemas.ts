import { z } from "zod";

const channel = z.enum(["kivra", "sms", "email", "paper"]);

export const preferencesOutput = z.object({
  order: z.array(channel),
  chosen: z.array(channel).nullable(),
  language: z.enum(["sv", "en"]),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  hasAddress: z.boolean(),
  pending: z.array(z.object({ channel: z.enum(["sms", "email"]), address: z.string(), expiresAt: z.date() })),
  history: z.array(z.object({ id: z.string().uuid(), kind: z.string(), channel, status: z.string(), at: z.date(), caseId: z.string().uuid().nullable() })),
});

export const contactChannel = z.enum(["sms", "email"]);
