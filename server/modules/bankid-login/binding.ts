import { createHash, randomBytes } from "node:crypto";

/** A random value in an httpOnly cookie ties a BankID order to the browser that started it. */
export const BANKID_BINDING_COOKIE = "kvitt-bankid";

export function newBindingValue(): string {
  return randomBytes(24).toString("base64url");
}

export function hashBinding(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
