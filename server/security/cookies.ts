import { env } from "../env";

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Cookies are `Secure` wherever the portal is reached over the network; only on loopback (the demo,
 * the tests) is plain HTTP allowed to carry them. Decided by the public URL, not NODE_ENV.
 */
export function cookiesSecureFor(publicBaseUrl: string): boolean {
  const url = new URL(publicBaseUrl);
  return url.protocol === "https:" || !LOOPBACK.has(url.hostname);
}

export function secureCookies(): boolean {
  return cookiesSecureFor(env().PUBLIC_BASE_URL);
}
