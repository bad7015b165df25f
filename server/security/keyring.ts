import { env } from "../env";
import { buildKeyring, type Keyring } from "./personal-number";

let cached: Keyring | undefined;

/** The deployment's personal-number keyring: KVITT_PNR_ENCRYPTION_KEY (id KVITT_PNR_KEY_ID) and KVITT_PNR_OLD_KEYS. */
export function personalNumberKeyring(): Keyring {
  if (cached) return cached;
  const config = env();
  cached = buildKeyring({ id: config.KVITT_PNR_KEY_ID, keyHex: config.KVITT_PNR_ENCRYPTION_KEY }, config.KVITT_PNR_OLD_KEYS);
  return cached;
}
