import { createHmac } from "node:crypto";

/**
 * Animated QR content: bankid.<qrStartToken>.<seconds since the order>.<HMAC-SHA256 of the
 * seconds keyed with qrStartSecret, in lowercase hex>. Refreshed every second.
 */
export function qrContent(qrStartToken: string, qrStartSecret: string, seconds: number): string {
  const time = String(Math.max(0, Math.floor(seconds)));
  const code = createHmac("sha256", Buffer.from(qrStartSecret, "ascii")).update(time).digest("hex");
  return `bankid.${qrStartToken}.${time}.${code}`;
}
