import { z } from "zod";

export const PENDING_HINT_CODES = ["outstandingTransaction", "noClient", "started", "userMrtd", "userCallConfirm", "userSign"] as const;
export const FAILED_HINT_CODES = [
  "expiredTransaction",
  "certificateErr",
  "userCancel",
  "cancelled",
  "startFailed",
  "userDeclinedCall",
  "notSupportedByUserApp",
  "transactionRiskBlocked",
] as const;
export const ERROR_CODES = [
  "alreadyInProgress",
  "invalidParameters",
  "unauthorized",
  "notFound",
  "methodNotAllowed",
  "requestTimeout",
  "unsupportedMediaType",
  "tooManyRequests",
  "internalError",
  "maintenance",
] as const;

/** Known codes are listed; unknown ones are kept as strings, as BankID asks. */
export type PendingHintCode = (typeof PENDING_HINT_CODES)[number] | (string & {});
export type FailedHintCode = (typeof FAILED_HINT_CODES)[number] | (string & {});
export type BankIdErrorCode = (typeof ERROR_CODES)[number] | (string & {});

export const requirementSchema = z
  .object({
    cardReader: z.enum(["class1", "class2"]).optional(),
    certificatePolicies: z.array(z.string()).optional(),
    pinCode: z.boolean().optional(),
    mrtd: z.boolean().optional(),
    personalNumber: z.string().regex(/^\d{12}$/).optional(),
  })
  .strict();

export const orderRequestSchema = z.object({
  endUserIp: z.union([z.ipv4(), z.ipv6()]),
  requirement: requirementSchema.optional(),
  userVisibleData: z.string().optional(),
  userVisibleDataFormat: z.literal("simpleMarkdownV1").optional(),
  userNonVisibleData: z.string().optional(),
  returnUrl: z.string().url().optional(),
  returnRisk: z.boolean().optional(),
  app: z.record(z.string(), z.unknown()).optional(),
  web: z.record(z.string(), z.unknown()).optional(),
});
export type OrderRequest = z.infer<typeof orderRequestSchema>;

export const orderResponseSchema = z.object({
  orderRef: z.string(),
  autoStartToken: z.string(),
  qrStartToken: z.string(),
  qrStartSecret: z.string(),
});
export type OrderResponse = z.infer<typeof orderResponseSchema>;

export const completionDataSchema = z.object({
  user: z.object({ personalNumber: z.string(), name: z.string(), givenName: z.string(), surname: z.string() }),
  device: z.object({ ipAddress: z.string(), uhi: z.string().optional() }).passthrough(),
  bankIdIssueDate: z.string(),
  stepUp: z.object({ mrtd: z.boolean() }).optional(),
  signature: z.string(),
  ocspResponse: z.string(),
  risk: z.string().optional(),
});
export type CompletionData = z.infer<typeof completionDataSchema>;

export const collectResponseSchema = z.object({
  orderRef: z.string(),
  status: z.enum(["pending", "failed", "complete"]),
  hintCode: z.string().optional(),
  completionData: completionDataSchema.optional(),
});
export type CollectResponse = z.infer<typeof collectResponseSchema>;

export const errorResponseSchema = z.object({ errorCode: z.string(), details: z.string().optional().default("") });
