import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bankidOrders } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import type { BankIdClient } from "../../integrations/bankid/client";
import { BankIdError } from "../../integrations/bankid/client";
import { rfaFor } from "../../integrations/bankid/messages";
import { qrContent } from "../../integrations/bankid/qr";
import { env } from "../../env";
import { personalNumberHash } from "../../security/personal-number";
import { hashBinding } from "./binding";

/** BankID asks relying parties to collect every two seconds; the browser polls every second for the QR. */
const COLLECT_INTERVAL_MS = 1900;

export interface PollResult {
  status: "pending" | "complete" | "failed";
  hintCode: string | null;
  /** The BankID recommended user message to show (RFA code). */
  rfa: string;
  /** Animated QR content for this second (QR flow only). */
  qr: string | null;
}

/**
 * The order's state for the browser that started it. Collects from BankID at most every two
 * seconds, under a row lock so two tabs cannot both collect a finished order.
 */
export async function pollBankIdOrder(
  db: Db,
  client: BankIdClient,
  input: { orderId: string; binding: string; now: Date },
): Promise<PollResult> {
  return db.transaction(async (tx) => {
    const [order] = await tx
      .select()
      .from(bankidOrders)
      .where(and(eq(bankidOrders.id, input.orderId), eq(bankidOrders.browserBindingHash, hashBinding(input.binding))))
      .for("update");
    if (!order) throw new DomainError("bankid_order_not_found");

    let { status, hintCode } = order;
    const due = !order.lastCollectedAt || input.now.getTime() - order.lastCollectedAt.getTime() >= COLLECT_INTERVAL_MS;
    if (status === "pending" && due) {
      try {
        const collected = await client.collect(order.orderRef);
        status = collected.status;
        hintCode = collected.hintCode ?? null;
        const update: Partial<typeof bankidOrders.$inferInsert> = {
          status,
          hintCode,
          lastCollectedAt: input.now,
          collectCount: order.collectCount + 1,
        };
        if (collected.status === "complete" && collected.completionData) {
          const { user, ...rest } = collected.completionData;
          update.personalNumberHash = personalNumberHash(user.personalNumber, env().KVITT_PNR_HASH_KEY);
          // Evidence without the personal number in clear; the name is kept for the greeting.
          update.completion = { ...rest, user: { name: user.name, givenName: user.givenName, surname: user.surname } };
          update.finishedAt = input.now;
        }
        if (collected.status === "failed") update.finishedAt = input.now;
        await tx.update(bankidOrders).set(update).where(eq(bankidOrders.id, order.id));
      } catch (error) {
        if (!(error instanceof BankIdError)) throw error;
        status = "failed";
        hintCode = error.errorCode;
        await tx
          .update(bankidOrders)
          .set({ status, hintCode, lastCollectedAt: input.now, finishedAt: input.now })
          .where(eq(bankidOrders.id, order.id));
      }
    }

    const seconds = Math.max(0, Math.floor((input.now.getTime() - order.startedAt.getTime()) / 1000));
    const showQr = status === "pending" && !order.sameDevice;
    return {
      status: status as PollResult["status"],
      hintCode,
      rfa: rfaFor(
        { status: status as PollResult["status"], hintCode: hintCode ?? undefined },
        { sameDevice: order.sameDevice, qr: !order.sameDevice },
      ),
      qr: showQr ? qrContent(order.qrStartToken, order.qrStartSecret, seconds) : null,
    };
  });
}

/** The person pressed cancel in the portal: cancel at BankID too, once. */
export async function cancelBankIdOrder(db: Db, client: BankIdClient, input: { orderId: string; binding: string; now: Date }) {
  const [order] = await db
    .select()
    .from(bankidOrders)
    .where(and(eq(bankidOrders.id, input.orderId), eq(bankidOrders.browserBindingHash, hashBinding(input.binding))));
  if (!order) throw new DomainError("bankid_order_not_found");
  if (order.status !== "pending") return;
  await client.cancel(order.orderRef).catch((error: unknown) => {
    if (!(error instanceof BankIdError)) throw error;
  });
  await db
    .update(bankidOrders)
    .set({ status: "failed", hintCode: "cancelled", finishedAt: input.now })
    .where(eq(bankidOrders.id, order.id));
}
