import { createHash } from "node:crypto";
import type { Queryable } from "../../db/client";
import { bankidOrders } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { BankIdClient } from "../../integrations/bankid/client";
import { consumeRateLimit } from "../rate-limit/consume";
import { hashBinding } from "./binding";

export interface StartLimits {
  perIp: number;
  perBrowser: number;
  windowSeconds: number;
}

export interface StartOrderInput {
  kind: "auth" | "sign";
  /** debtor | staff | plan:<id> … */
  purpose: string;
  binding: string;
  ip: string;
  sameDevice: boolean;
  now: Date;
  /** For sign orders: what the person sees and signs, in plain words. */
  userVisibleText?: string;
  returnUrl?: string;
  limits: StartLimits;
}

/** Starts a BankID order bound to this browser. Rate-limited per IP and per browser. */
export async function startBankIdOrder(db: Queryable, client: BankIdClient, input: StartOrderInput) {
  const ipKey = createHash("sha256").update(input.ip).digest("hex").slice(0, 32);
  const bindingHash = hashBinding(input.binding);
  for (const [key, rule] of [
    [`bankid:ip:${ipKey}`, input.limits.perIp],
    [`bankid:browser:${bindingHash}`, input.limits.perBrowser],
  ] as const) {
    const result = await consumeRateLimit(db, { key, limit: rule, windowSeconds: input.limits.windowSeconds, now: input.now });
    if (!result.allowed) throw new DomainError("rate_limited_bankid", "too many BankID starts", { retryAfterSeconds: result.retryAfterSeconds });
  }

  const request = {
    endUserIp: input.ip,
    ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
  };
  const order =
    input.kind === "sign"
      ? await client.sign({ ...request, userVisibleData: input.userVisibleText ?? "", userVisibleDataFormat: "simpleMarkdownV1" })
      : await client.auth(request);

  const [row] = await db
    .insert(bankidOrders)
    .values({
      orderRef: order.orderRef,
      kind: input.kind,
      purpose: input.purpose,
      browserBindingHash: bindingHash,
      qrStartToken: order.qrStartToken,
      qrStartSecret: order.qrStartSecret,
      autoStartToken: order.autoStartToken,
      sameDevice: input.sameDevice,
      userVisibleText: input.userVisibleText,
      startedAt: input.now,
    })
    .returning({ id: bankidOrders.id });
  if (!row) throw new Error("order not stored");
  return { orderId: row.id, autoStartToken: order.autoStartToken };
}
