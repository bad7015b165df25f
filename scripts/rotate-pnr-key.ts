// `npm run pnr:rotate`: re-seals every stored personal number under the current key
// (KVITT_PNR_KEY_ID / KVITT_PNR_ENCRYPTION_KEY), reading older values with KVITT_PNR_OLD_KEYS. Safe
// while the app runs (small batches, each in its own transaction). Run it after every instance has
// the new key; remove the old key from KVITT_PNR_OLD_KEYS once this reports nothing left under it.
import { openDatabase } from "../server/db/client";
import { env } from "../server/env";
import { resealPersonalNumbers, sealedValuesByKey } from "../server/modules/key-rotation/reseal";
import { personalNumberKeyring } from "../server/security/keyring";

const config = env();
const handle = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL, poolSize: 2 } : { dataDir: config.KVITT_DATA_DIR });
const keyring = personalNumberKeyring();
const started = Date.now();
try {
  console.info(`Stored personal numbers by key: ${JSON.stringify(await sealedValuesByKey(handle.db))}`);
  const outcome = await resealPersonalNumbers(handle.db, keyring, { onBatch: (done) => console.info(`  … ${done} re-sealed`) });
  console.info(`Re-sealed ${outcome.resealed} under key ${keyring.currentId} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  console.info(`Stored personal numbers by key now: ${JSON.stringify(await sealedValuesByKey(handle.db))}`);
  if (outcome.failed.length > 0) {
    const keys = [...new Set(outcome.failed.map((f) => f.keyId))].join(", ");
    console.error(`${outcome.failed.length} could not be opened: sealed with key(s) ${keys}, not in KVITT_PNR_OLD_KEYS.`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
