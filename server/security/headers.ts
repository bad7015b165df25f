/**
 * The security headers of every response. The Content-Security-Policy carries a fresh nonce per
 * request: Next.js puts it on its own scripts (it reads it from the request's CSP header), and
 * scripts from our own origin (`/enhance.js` and the other small scripts in `public/`) are allowed
 * by 'self'. No inline script runs without the nonce.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${options.dev ? " 'unsafe-eval'" : ""}`,
    // Style attributes (a bar's width) cannot carry a nonce; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    // Card payments continue on Stripe's own checkout page.
    "form-action 'self' https://checkout.stripe.com",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** A nonce of 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
