import QRCode from "qrcode";
import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { BANKID_BINDING_COOKIE } from "../../../modules/bankid-login/binding";
import { bankIdClient } from "../../../modules/bankid-login/client";
import { pollBankIdOrder } from "../../../modules/bankid-login/poll-order";
import { DomainError } from "../../../domain/errors";

export const bankidPollOutput = z.object({
  status: z.enum(["pending", "complete", "failed"]),
  hintCode: z.string().nullable(),
  rfa: z.string(),
  qr: z.string().nullable(),
  /** The QR drawn as SVG on the server, so the page needs no QR library. */
  qrSvg: z.string().nullable(),
});

/** Where the order stands; collects from BankID at most every two seconds. */
export const bankidPoll = publicProcedure
  .input(z.object({ orderId: z.string().uuid() }))
  .output(bankidPollOutput)
  .mutation(async ({ ctx, input }) => {
    const binding = ctx.cookies?.get(BANKID_BINDING_COOKIE);
    if (!binding) throw new DomainError("bankid_order_not_found");
    const result = await pollBankIdOrder(ctx.db, bankIdClient(), { orderId: input.orderId, binding, now: ctx.now });
    const qrSvg = result.qr ? await QRCode.toString(result.qr, { type: "svg", margin: 2, errorCorrectionLevel: "L" }) : null;
    return { ...result, qrSvg };
  });
