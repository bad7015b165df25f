import { randomUUID } from "node:crypto";
import { z } from "zod";
import { createJsonTransport, TransportError, type JsonResponse, type TlsOptions } from "../http-json";
import {
  swishErrorItemSchema,
  swishPaymentSchema,
  swishRefundSchema,
  type PaymentRequestBody,
  type RefundBody,
  type SwishErrorItem,
  type SwishPayment,
  type SwishRefund,
} from "./types";

export * from "./types";

/**
 * An answer from Swish that is not a success: the 422 error array (`FF08`, `RP03`, `BE18`, `PA02`,
 * `AM03`, `RP06`, `ACMT03`…), another HTTP status (with an empty array when Swish sent no body),
 * or a transport failure (`httpStatus` 0, errorCode `timeout` or `network`).
 */
export class SwishError extends Error {
  constructor(
    public readonly errors: SwishErrorItem[],
    public readonly httpStatus: number,
  ) {
    const first = errors[0];
    super(first ? `Swish ${httpStatus} ${first.errorCode}: ${first.errorMessage}` : `Swish answered ${httpStatus}`);
    this.name = "SwishError";
  }

  /** True when one of the errors has this code. */
  has(errorCode: string): boolean {
    return this.errors.some((e) => e.errorCode === errorCode);
  }
}

export interface SwishClientOptions extends TlsOptions {
  /** Up to and including `/swish-cpcapi/`, e.g. https://cpc.getswish.net/swish-cpcapi/ */
  baseUrl: string;
  timeoutMs?: number;
  /** Retries of GETs on transient failures (network, timeout, 429, 5xx). Writes are never retried. */
  retries?: number;
  retryDelayMs?: number;
}

export interface CreatedPaymentRequest {
  id: string;
  location: string;
  /** M-commerce only: opens the Swish app through `mcommerceAppUrl`. */
  paymentRequestToken?: string;
}

export interface CreatedRefund {
  id: string;
  location: string;
}

const INSTRUCTION_UUID = /^[0-9A-F]{32}$/;

/** A new instruction UUID as Swish wants it: 32 uppercase hex digits, no dashes. */
export function instructionUuid(): string {
  return randomUUID().replaceAll("-", "").toUpperCase();
}

/** The link that opens the Swish app on the same phone for an M-commerce payment request. */
export function mcommerceAppUrl(token: string, callbackUrl: string): string {
  return `swish://paymentrequest?token=${encodeURIComponent(token)}&callbackurl=${encodeURIComponent(callbackUrl)}`;
}

/**
 * The content of a prefilled Swish QR code for desktop: `C<payee>;<amount>;<message>;<mask>`, the
 * amount with a decimal comma. The mask is the sum of the fields the payer may change (1 payee,
 * 2 amount, 4 message); by default nothing can be changed.
 */
export function prefilledQrData(
  payee: string,
  amountOre: number,
  message: string,
  editable: { payee?: boolean; amount?: boolean; message?: boolean } = {},
): string {
  if (!Number.isSafeInteger(amountOre) || amountOre <= 0) throw new RangeError("amount must be whole, positive öre");
  const alias = payee.replace(/\D/g, "");
  const amount = `${Math.floor(amountOre / 100)},${String(amountOre % 100).padStart(2, "0")}`;
  // ";" separates the fields and cannot be escaped.
  const text = message.replaceAll(";", " ").slice(0, 50);
  const mask = (editable.payee ? 1 : 0) + (editable.amount ? 2 : 0) + (editable.message ? 4 : 0);
  return `C${alias};${amount};${text};${mask}`;
}

export type SwishClient = ReturnType<typeof createSwishClient>;

const errorArraySchema = z.array(swishErrorItemSchema);

/**
 * Swish Commerce API: payment requests and refunds over mutual TLS (plain HTTP only to loopback,
 * where the simulator runs).
 */
export function createSwishClient(options: SwishClientOptions) {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const send = createJsonTransport({ ...options, timeoutMs: options.timeoutMs ?? 10_000 });
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 300;
  const url = (path: string) => new URL(path, base).toString();

  async function call(method: string, path: string, body?: unknown, contentType?: string): Promise<JsonResponse> {
    let response: JsonResponse;
    try {
      response = await send(method, url(path), body, { contentType });
    } catch (error) {
      if (error instanceof TransportError) {
        throw new SwishError([{ errorCode: error.kind, errorMessage: error.message, additionalInformation: null }], 0);
      }
      throw error;
    }
    if (response.status >= 200 && response.status < 300) return response;
    const parsed = errorArraySchema.safeParse(response.body);
    throw new SwishError(parsed.success ? parsed.data : [], response.status);
  }

  async function get(path: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await call("GET", path)).body;
      } catch (error) {
        const transient = error instanceof SwishError && (error.httpStatus === 0 || error.httpStatus === 429 || error.httpStatus >= 500);
        if (!transient || attempt >= retries) throw error;
        await new Promise((r) => setTimeout(r, retryDelayMs * (attempt + 1)));
      }
    }
  }

  function checkUuid(uuid: string) {
    if (!INSTRUCTION_UUID.test(uuid)) throw new RangeError("instruction UUID must be 32 uppercase hex digits");
  }

  function idFrom(location: string | undefined, fallback: string): string {
    return location?.split("/").filter(Boolean).pop() ?? fallback;
  }

  function header(response: JsonResponse, name: string): string | undefined {
    const value = response.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  async function getPaymentRequest(id: string): Promise<SwishPayment> {
    return swishPaymentSchema.parse(await get(`api/v1/paymentrequests/${encodeURIComponent(id)}`));
  }

  return {
    /** PUT /api/v2/paymentrequests/{instructionUUID} → 201 with Location (and PaymentRequestToken for M-commerce). */
    async createPaymentRequest(instructionUUID: string, body: PaymentRequestBody): Promise<CreatedPaymentRequest> {
      checkUuid(instructionUUID);
      const response = await call("PUT", `api/v2/paymentrequests/${instructionUUID}`, body);
      const location = header(response, "location") ?? url(`api/v1/paymentrequests/${instructionUUID}`);
      const token = header(response, "paymentrequesttoken");
      return { id: idFrom(location, instructionUUID), location, ...(token ? { paymentRequestToken: token } : {}) };
    },

    /** GET /api/v1/paymentrequests/{id}: the way to trust a callback. Retried on transient failures. */
    getPaymentRequest,

    /** Only a CREATED request can be cancelled; Swish answers with the cancelled payment. */
    async cancelPaymentRequest(id: string): Promise<SwishPayment> {
      const response = await call(
        "PATCH",
        `api/v1/paymentrequests/${encodeURIComponent(id)}`,
        [{ op: "replace", path: "/status", value: "cancelled" }],
        "application/json-patch+json",
      );
      return response.body === undefined ? getPaymentRequest(id) : swishPaymentSchema.parse(response.body);
    },

    /** PUT /api/v2/refunds/{instructionUUID} → 201 with Location. */
    async createRefund(instructionUUID: string, body: RefundBody): Promise<CreatedRefund> {
      checkUuid(instructionUUID);
      const response = await call("PUT", `api/v2/refunds/${instructionUUID}`, body);
      const location = header(response, "location") ?? url(`api/v1/refunds/${instructionUUID}`);
      return { id: idFrom(location, instructionUUID), location };
    },

    async getRefund(id: string): Promise<SwishRefund> {
      return swishRefundSchema.parse(await get(`api/v1/refunds/${encodeURIComponent(id)}`));
    },
  };
}

/** Reads a payment callback body (unsigned: confirm it with `getPaymentRequest` before acting on it). */
export function parseSwishCallback(body: unknown): SwishPayment {
  return swishPaymentSchema.parse(body);
}

/** Reads a refund callback body (unsigned: confirm it with `getRefund`). */
export function parseSwishRefundCallback(body: unknown): SwishRefund {
  return swishRefundSchema.parse(body);
}
