import { readFileSync } from "node:fs";
import { createBankIdClient, type BankIdClient } from "../../integrations/bankid/client";
import { env } from "../../env";

let cached: BankIdClient | undefined;

/** The BankID client for this deployment: the real service with certificates, or the simulator. */
export function bankIdClient(): BankIdClient {
  if (cached) return cached;
  const config = env();
  cached = createBankIdClient({
    baseUrl: config.BANKID_BASE_URL,
    pfx: config.BANKID_CLIENT_PFX_PATH ? readFileSync(config.BANKID_CLIENT_PFX_PATH) : undefined,
    passphrase: config.BANKID_CLIENT_PASSPHRASE,
    ca: config.BANKID_CA_PATH ? readFileSync(config.BANKID_CA_PATH) : undefined,
  });
  return cached;
}
