import { readFileSync } from "node:fs";
import { createCardClient, type CardClient } from "../../integrations/card/client";
import { createSwishClient, type SwishClient } from "../../integrations/swish/client";
import { env } from "../../env";

/** What the payment use cases need from outside: the two providers and where callbacks go. */
export interface PaymentDeps {
  swish: SwishClient;
  card: CardClient;
  /** The portal's public address: callbacks and return pages are under it. */
  baseUrl: string;
  swishPayeeAlias: string;
}

let cached: PaymentDeps | undefined;

/** The real providers with certificates and keys, or the simulators in demo mode. */
export function paymentDeps(): PaymentDeps {
  if (cached) return cached;
  const config = env();
  cached = {
    swish: createSwishClient({
      baseUrl: config.SWISH_BASE_URL,
      cert: config.SWISH_CLIENT_CERT_PATH ? readFileSync(config.SWISH_CLIENT_CERT_PATH) : undefined,
      key: config.SWISH_CLIENT_KEY_PATH ? readFileSync(config.SWISH_CLIENT_KEY_PATH) : undefined,
      ca: config.SWISH_CA_PATH ? readFileSync(config.SWISH_CA_PATH) : undefined,
    }),
    card: createCardClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL }),
    baseUrl: config.PUBLIC_BASE_URL.replace(/\/+$/, ""),
    swishPayeeAlias: config.SWISH_PAYEE_ALIAS,
  };
  return cached;
}
