import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { BANKID_BINDING_COOKIE } from "../../../modules/bankid-login/binding";
import { bankIdClient } from "../../../modules/bankid-login/client";
import { cancelBankIdOrder } from "../../../modules/bankid-login/poll-order";
import { DomainError } from "../../../domain/errors";

/** The person stopped waiting: the order is cancelled at BankID too. */
export const bankidCancel = publicProcedure
  .input(z.object({ orderId: z.string().uuid() }))
  .output(z.object({ cancelled: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const binding = ctx.cookies?.get(BANKID_BINDING_COOKIE);
    if (!binding) throw new DomainError("bankid_order_not_found");
    await cancelBankIdOrder(ctx.db, bankIdClient(), { orderId: input.orderId, binding, now: ctx.now });
    return { cancelled: true as const };
  });
