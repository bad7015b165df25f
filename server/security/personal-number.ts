import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Personal numbers are stored encrypted (AES-256-GCM) and looked up by a keyed hash, so a copy of
 * the database alone reveals nobody. Each stored value names the key it was sealed with
 * (`<keyId>.<iv>.<tag>.<data>`), so keys can be rotated: new values are sealed with the current key,
 * older ones are still opened with the keys they name until `npm run pnr:rotate` has re-sealed them.
 * The first key was `v1` (values written before key ids existed carry that prefix).
 */
export function personalNumberHash(canonical: string, hashKey: string): string {
  return createHmac("sha256", hashKey).update(canonical).digest("hex");
}

export interface Keyring {
  /** The key new values are sealed with. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[a-z0-9]{1,16}$/;
const KEY_HEX = /^[0-9a-f]{64}$/;

/** A keyring from the current key and earlier ones (`id:hex,id:hex`), checked. */
export function buildKeyring(current: { id: string; keyHex: string }, older = ""): Keyring {
  const keys = new Map<string, Buffer>();
  const add = (id: string, hex: string) => {
    if (!KEY_ID.test(id)) throw new Error(`personal number key id "${id}": 1–16 lower-case letters or digits`);
    if (!KEY_HEX.test(hex)) throw new Error(`personal number key ${id}: 64 hex characters`);
    if (keys.has(id)) throw new Error(`personal number key ${id} given twice`);
    keys.set(id, Buffer.from(hex, "hex"));
  };
  add(current.id, current.keyHex);
  for (const entry of older.split(",").map((e) => e.trim()).filter(Boolean)) {
    const [id, hex, ...rest] = entry.split(":");
    if (!id || !hex || rest.length > 0) throw new Error("KVITT_PNR_OLD_KEYS: a comma-separated list of id:hex");
    add(id, hex);
  }
  return { currentId: current.id, keys };
}

export function sealPersonalNumber(canonical: string, keyring: Keyring): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.keys.get(keyring.currentId)!, iv);
  const data = Buffer.concat([cipher.update(canonical, "utf8"), cipher.final()]);
  return [keyring.currentId, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** The id of the key a stored value was sealed with. */
export function sealedKeyId(sealed: string): string {
  return sealed.split(".", 1)[0]!;
}

export function openPersonalNumber(sealed: string, keyring: Keyring): string {
  const [keyId, iv, tag, data, ...rest] = sealed.split(".");
  if (!keyId || !iv || !tag || !data || rest.length > 0) throw new Error("unknown personal number format");
  const key = keyring.keys.get(keyId);
  if (!key) throw new Error(`personal number sealed with key ${keyId}, which is not configured`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Seals with a single key (id `v1` unless named). Prefer `sealPersonalNumber` with the app's keyring. */
export function encryptPersonalNumber(canonical: string, keyHex: string, keyId = "v1"): string {
  return sealPersonalNumber(canonical, buildKeyring({ id: keyId, keyHex }));
}

/** Opens a value sealed with one known key. Prefer `openPersonalNumber` with the app's keyring. */
export function decryptPersonalNumber(sealed: string, keyHex: string): string {
  return openPersonalNumber(sealed, buildKeyring({ id: sealedKeyId(sealed), keyHex }));
}
