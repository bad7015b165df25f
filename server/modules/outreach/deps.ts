import { env } from "../../env";
import { personalNumberKeyring } from "../../security/keyring";
import { createEmailClient } from "../../integrations/email/client";
import { createKivraClient } from "../../integrations/kivra/client";
import { createSmsClient } from "../../integrations/sms/client";
import { emailChannel, kivraChannel, paperChannel, smsChannel } from "./channels";
import type { OutreachDeps } from "./send";

let cached: OutreachDeps | undefined;

/** The real providers as configured (the simulators in demo mode). */
export function outreachDeps(): OutreachDeps {
  if (cached) return cached;
  const config = env();
  const baseUrl = config.PUBLIC_BASE_URL.replace(/\/+$/, "");
  const sms = createSmsClient({ baseUrl: config.SMS_BASE_URL, username: config.SMS_USERNAME, password: config.SMS_PASSWORD, from: config.SMS_FROM });
  const email = createEmailClient({ url: config.SMTP_URL, from: config.EMAIL_FROM });
  const kivra = createKivraClient({ baseUrl: config.KIVRA_BASE_URL, tokenUrl: config.KIVRA_TOKEN_URL, clientId: config.KIVRA_CLIENT_ID, clientSecret: config.KIVRA_CLIENT_SECRET, tenantKey: config.KIVRA_TENANT_KEY });
  const letter = { swishPayee: config.SWISH_PAYEE_ALIAS, bankgiro: config.KVITT_BANKGIRO };
  cached = {
    channels: {
      sms: smsChannel(sms, `${baseUrl}/api/webhooks/sms`),
      email: emailChannel(email, new URL(baseUrl).hostname),
      kivra: kivraChannel(kivra, letter),
      paper: paperChannel(config.KVITT_PRINT_DIR, letter),
    },
    baseUrl,
    bankgiro: config.KVITT_BANKGIRO,
    pnrKeys: personalNumberKeyring(),
  };
  return cached;
}

/** The SMS client alone (delivery reports are checked against it). */
export function smsClient() {
  const config = env();
  return createSmsClient({ baseUrl: config.SMS_BASE_URL, username: config.SMS_USERNAME, password: config.SMS_PASSWORD, from: config.SMS_FROM });
}
