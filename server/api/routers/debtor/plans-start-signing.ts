import { z } from "zod";
import { env } from "../../../env";
import { BANKID_BINDING_COOKIE, newBindingValue } from "../../../modules/bankid-login/binding";
import { bankIdClient } from "../../../modules/bankid-login/client";
import { startPlanSigning } from "../../../modules/plans/sign";
import { debtorProcedure } from "../../trpc";
import { autoStartUrl } from "../auth/bankid-start";

/** Starts signing a plan with BankID in this browser. */
export const plansStartSigning = debtorProcedure
  .input(z.object({ planId: z.string().uuid(), sameDevice: z.boolean() }))
  .output(z.object({ orderId: z.string().uuid(), autoStartUrl: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    let binding = ctx.cookies?.get(BANKID_BINDING_COOKIE);
    if (!binding) {
      binding = newBindingValue();
      ctx.cookies?.set(BANKID_BINDING_COOKIE, binding, { maxAgeSeconds: 3600 });
    }
    const config = env();
    const order = await startPlanSigning(ctx.db, bankIdClient(), {
      debtorId: ctx.debtorId,
      planId: input.planId,
      binding,
      ip: ctx.ip,
      sameDevice: input.sameDevice,
      now: ctx.now,
      returnUrl: input.sameDevice ? `${ctx.baseUrl ?? config.PUBLIC_BASE_URL}/plans/${input.planId}/sign?resume=1` : undefined,
      limits: { perIp: config.LOGIN_RATE_LIMIT_PER_IP, perBrowser: config.LOGIN_RATE_LIMIT_PER_BROWSER, windowSeconds: 600 },
    });
    return { orderId: order.orderId, autoStartUrl: input.sameDevice ? autoStartUrl(order.autoStartToken) : null };
  });
