import { createJsonTransport, TransportError, type TlsOptions } from "../http-json";
import {
  collectResponseSchema,
  errorResponseSchema,
  orderResponseSchema,
  type BankIdErrorCode,
  type CollectResponse,
  type OrderRequest,
  type OrderResponse,
} from "./types";

/** A documented (or unknown) error from BankID, or a transport failure mapped to one. */
export class BankIdError extends Error {
  constructor(
    public readonly errorCode: BankIdErrorCode,
    public readonly details: string,
    public readonly httpStatus: number,
  ) {
    super(`BankID ${errorCode}: ${details}`);
    this.name = "BankIdError";
  }
}

export interface BankIdClientOptions extends TlsOptions {
  /** e.g. https://appapi2.bankid.com/rp/v6.0/ */
  baseUrl: string;
  timeoutMs?: number;
  /** Retries of collect and cancel on transient failures (network, 408, 429, 500, 503). */
  retries?: number;
  retryDelayMs?: number;
}

export interface SignRequest extends Omit<OrderRequest, "userVisibleData"> {
  /** Plain text (or simple Markdown) shown in the app; encoded to Base64 here. */
  userVisibleData: string;
}

export type BankIdClient = ReturnType<typeof createBankIdClient>;

const RETRYABLE = new Set(["requestTimeout", "tooManyRequests", "internalError", "maintenance", "network", "timeout"]);

/** The Relying Party API v6.0: auth, sign, collect, cancel. Every call is a JSON POST over mutual TLS. */
export function createBankIdClient(options: BankIdClientOptions) {
  const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const send = createJsonTransport({ ...options, timeoutMs: options.timeoutMs ?? 10_000 });
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 300;

  async function call(method: "auth" | "sign" | "collect" | "cancel", body: unknown): Promise<unknown> {
    let response;
    try {
      response = await send("POST", new URL(method, base).toString(), body);
    } catch (error) {
      if (error instanceof TransportError) throw new BankIdError(error.kind, error.message, 0);
      throw error;
    }
    if (response.status >= 200 && response.status < 300) return response.body ?? {};
    const parsed = errorResponseSchema.safeParse(response.body);
    if (parsed.success) throw new BankIdError(parsed.data.errorCode, parsed.data.details, response.status);
    const fallback: Record<number, BankIdErrorCode> = { 400: "invalidParameters", 401: "unauthorized", 403: "unauthorized", 404: "notFound", 405: "methodNotAllowed", 408: "requestTimeout", 415: "unsupportedMediaType", 429: "tooManyRequests", 503: "maintenance" };
    throw new BankIdError(fallback[response.status] ?? "internalError", response.text.slice(0, 200), response.status);
  }

  /** Only idempotent calls are retried: a repeated auth/sign could start a second order. */
  async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (!(error instanceof BankIdError) || !RETRYABLE.has(error.errorCode) || attempt >= retries) throw error;
        await new Promise((r) => setTimeout(r, retryDelayMs * (attempt + 1)));
      }
    }
  }

  return {
    async auth(request: OrderRequest): Promise<OrderResponse> {
      return orderResponseSchema.parse(await call("auth", request));
    },
    async sign(request: SignRequest): Promise<OrderResponse> {
      const body = { ...request, userVisibleData: Buffer.from(request.userVisibleData, "utf8").toString("base64") };
      return orderResponseSchema.parse(await call("sign", body));
    },
    async collect(orderRef: string): Promise<CollectResponse> {
      return withRetry(async () => collectResponseSchema.parse(await call("collect", { orderRef })));
    },
    async cancel(orderRef: string): Promise<void> {
      await withRetry(() => call("cancel", { orderRef }));
    },
  };
}
