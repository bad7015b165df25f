import { z } from "zod";

/** Swish Commerce API v2 wire types. Field names are Swish's own. */

export const SWISH_PAYMENT_STATUSES = ["CREATED", "PAID", "DECLINED", "ERROR", "CANCELLED"] as const;
export type SwishPaymentStatus = (typeof SWISH_PAYMENT_STATUSES)[number];

export const SWISH_REFUND_STATUSES = ["CREATED", "VALIDATED", "DEBITED", "PAID", "ERROR"] as const;
export type SwishRefundStatus = (typeof SWISH_REFUND_STATUSES)[number];

/** The body of `PUT /api/v2/paymentrequests/{instructionUUID}`. */
export interface PaymentRequestBody {
  payeePaymentReference?: string;
  callbackUrl: string;
  /** E-commerce only: the payer's phone number, `46…`. Leave out for M-commerce. */
  payerAlias?: string;
  payeeAlias: string;
  /** "100.00": use `swishAmount(ore)`. */
  amount: string;
  currency: "SEK";
  message?: string;
  callbackIdentifier?: string;
}

/** The body of `PUT /api/v2/refunds/{instructionUUID}`. */
export interface RefundBody {
  originalPaymentReference: string;
  payerPaymentReference?: string;
  callbackUrl: string;
  /** The merchant's Swish number (the merchant pays the refund). */
  payerAlias: string;
  payeeAlias?: string;
  amount: string;
  currency: "SEK";
  message?: string;
  callbackIdentifier?: string;
}

/** Swish sends amounts as JSON numbers (100.5) and accepts strings; both become öre here. */
const amountField = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const ore = amountToOre(v);
  if (ore === null) {
    ctx.addIssue({ code: "custom", message: "not an amount" });
    return z.NEVER;
  }
  return ore;
});

const common = {
  id: z.string(),
  paymentReference: z.string().nullish(),
  callbackUrl: z.string().nullish(),
  payerAlias: z.string().nullish(),
  payeeAlias: z.string().nullish(),
  currency: z.string(),
  message: z.string().nullish(),
  dateCreated: z.string().nullish(),
  datePaid: z.string().nullish(),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
  additionalInformation: z.string().nullish(),
};

export const swishPaymentSchema = z
  .object({
    ...common,
    payeePaymentReference: z.string().nullish(),
    status: z.enum(SWISH_PAYMENT_STATUSES),
    amount: amountField,
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountOre: amount }));
export type SwishPayment = z.output<typeof swishPaymentSchema>;

export const swishRefundSchema = z
  .object({
    ...common,
    payerPaymentReference: z.string().nullish(),
    originalPaymentReference: z.string(),
    status: z.enum(SWISH_REFUND_STATUSES),
    amount: amountField,
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountOre: amount }));
export type SwishRefund = z.output<typeof swishRefundSchema>;

export const swishErrorItemSchema = z.object({
  errorCode: z.string(),
  errorMessage: z.string().nullish().transform((v) => v ?? ""),
  additionalInformation: z.string().nullish().transform((v) => v ?? null),
});
export type SwishErrorItem = z.output<typeof swishErrorItemSchema>;

/** Öre → Swish's "100.00". */
export function swishAmount(ore: number): string {
  if (!Number.isSafeInteger(ore) || ore < 0) throw new RangeError("amount must be whole, non-negative öre");
  return `${Math.floor(ore / 100)}.${String(ore % 100).padStart(2, "0")}`;
}

/** "100.00", "100", 100.5 → öre; null when it is not a plain amount with at most two decimals. */
export function amountToOre(value: number | string): number | null {
  const s = typeof value === "number" ? (Number.isFinite(value) ? value.toFixed(2) : "") : value.trim();
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}
