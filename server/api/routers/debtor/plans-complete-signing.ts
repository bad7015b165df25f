import { z } from "zod";
import { BANKID_BINDING_COOKIE } from "../../../modules/bankid-login/binding";
import { completePlanSigning } from "../../../modules/plans/sign";
import { DomainError } from "../../../domain/errors";
import { debtorProcedure } from "../../trpc";

/** Makes the plan binding once BankID says the debtor has signed it in this browser. */
export const plansCompleteSigning = debtorProcedure
  .input(z.object({ planId: z.string().uuid(), orderId: z.string().uuid() }))
  .output(z.object({ planId: z.string().uuid() }))
  .mutation(({ ctx, input }) => {
    const binding = ctx.cookies?.get(BANKID_BINDING_COOKIE);
    if (!binding) throw new DomainError("bankid_order_not_found");
    return completePlanSigning(ctx.db, { debtorId: ctx.debtorId, ...input, binding, now: ctx.now });
  });
