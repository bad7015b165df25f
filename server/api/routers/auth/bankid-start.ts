import { z } from "zod";
import { publicProcedure } from "../../trpc";
import { BANKID_BINDING_COOKIE, newBindingValue } from "../../../modules/bankid-login/binding";
import { bankIdClient } from "../../../modules/bankid-login/client";
import { startBankIdOrder } from "../../../modules/bankid-login/start-order";
import { env } from "../../../env";

export const bankidStartInput = z.object({
  purpose: z.enum(["debtor", "staff"]),
  sameDevice: z.boolean(),
});

export const bankidStartOutput = z.object({
  orderId: z.string().uuid(),
  autoStartUrl: z.string().nullable(),
});

/** Starts identification with BankID for this browser. */
export const bankidStart = publicProcedure
  .input(bankidStartInput)
  .output(bankidStartOutput)
  .mutation(async ({ ctx, input }) => {
    let binding = ctx.cookies?.get(BANKID_BINDING_COOKIE);
    if (!binding) {
      binding = newBindingValue();
      ctx.cookies?.set(BANKID_BINDING_COOKIE, binding, { maxAgeSeconds: 3600 });
    }
    const loginPath = input.purpose === "staff" ? "/staff/login" : "/login";
    const order = await startBankIdOrder(ctx.db, bankIdClient(), {
      kind: "auth",
      purpose: input.purpose,
      binding,
      ip: ctx.ip,
      sameDevice: input.sameDevice,
      now: ctx.now,
      returnUrl: input.sameDevice ? `${ctx.baseUrl ?? env().PUBLIC_BASE_URL}${loginPath}?resume=1` : undefined,
      limits: { perIp: env().LOGIN_RATE_LIMIT_PER_IP, perBrowser: env().LOGIN_RATE_LIMIT_PER_BROWSER, windowSeconds: 600 },
    });
    return { orderId: order.orderId, autoStartUrl: input.sameDevice ? autoStartUrl(order.autoStartToken) : null };
  });

/** The link that opens the BankID app on this device (the simulated app in demo mode). */
export function autoStartUrl(token: string): string {
  const config = env();
  if (config.KVITT_DEMO === "1") return `/sim/bankid/app?autostarttoken=${encodeURIComponent(token)}`;
  return `https://app.bankid.com/?autostarttoken=${encodeURIComponent(token)}&redirect=null`;
}
