import { randomUUID } from "node:crypto";
import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "../fixtures";

/** A valid personal number nobody else uses: signs in as a person with no cases, without colliding with other tests. */
function freshPersonalNumber(): string {
  const year = 1940 + Math.floor(Math.random() * 60);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, "0");
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, "0");
  const serial = String(Math.floor(Math.random() * 1000)).padStart(3, "0");
  const nine = `${String(year).slice(2)}${month}${day}${serial}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return `${year}${month}${day}${serial}${(10 - (sum % 10)) % 10}`;
}

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  expect(headers["strict-transport-security"], what).toMatch(/max-age=\d{8,}; includeSubDomains/);
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["permissions-policy"], what).toContain("geolocation=()");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["x-powered-by"], what).toBeUndefined();
}

/** A page: a CSP with a fresh nonce, no 'unsafe-inline' for scripts, and every script either ours by URL or carrying the nonce. */
async function expectPagePolicy(response: APIResponse, what: string): Promise<string> {
  const headers = response.headers();
  expectSecurityHeaders(headers, what);
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, what).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' ?$/);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
  const html = await response.text();
  for (const [tag, attributes] of [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => [m[0], m[1]!] as const)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) expect(src.startsWith("/") && !src.startsWith("//"), `${what}: ${tag}`).toBe(true);
    else expect(attributes, `${what}: inline ${tag}`).toContain(`nonce="${nonce}"`);
  }
  return nonce;
}

async function signInAsNewPerson(page: Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: /BankID på den här enheten/ }).click();
  await page.waitForURL(/\/sim\/bankid\/app/);
  await page.getByLabel("Annat personnummer").fill(freshPersonalNumber());
  await page.getByRole("button", { name: "Identifiera" }).click();
  await page.waitForURL(/\/no-cases$/);
}

test.describe("security headers on every kind of response", () => {
  test("pages signed out: with and without React, staff, simulators, not found", async ({ request }) => {
    const nonces = new Set<string>();
    for (const path of ["/", "/help", "/login", "/staff/login", "/sim/bankid", "/no-such-page"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      nonces.add(await expectPagePolicy(response, path));
    }
    // A second visit gets a new nonce.
    nonces.add(await expectPagePolicy(await request.get("/help"), "/help again"));
    expect(nonces.size).toBe(7);
  });

  test("pages signed in, and a browser runs the React page with no policy violation", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
    });
    await signInAsNewPerson(page);
    for (const path of ["/no-cases", `/cases/${randomUUID()}`, "/debt-free", "/pay"]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      await expectPagePolicy(response, path);
    }
    // The sign-in page (React) hydrated under the policy: its BankID button signed the person in.
    expect(violations).toEqual([]);
  });

  test("route handlers, the API, webhooks and deep links", async ({ request }) => {
    const responses: [string, APIResponse][] = [
      ["GET /api/health", await request.get("/api/health")],
      ["GET /api/health/ready", await request.get("/api/health/ready")],
      ["GET tRPC", await request.get("/api/trpc/debtor.cases.list")],
      ["POST /api/webhooks/swish", await request.post("/api/webhooks/swish", { data: { id: "x" } })],
      ["POST /api/webhooks/card", await request.post("/api/webhooks/card", { data: "{}" })],
      ["GET /l/…", await request.get("/l/not-a-link", { maxRedirects: 0 })],
      ["GET /receipts/…", await request.get(`/receipts/${randomUUID()}`, { maxRedirects: 0 })],
      ["GET /api/auth/session", await request.get("/api/auth/session")],
    ];
    for (const [what, response] of responses) {
      expect(response.status(), what).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), what);
      expect(response.headers()["content-security-policy"], what).toContain("frame-ancestors 'none'");
    }
  });

  test("cookies are httpOnly and SameSite, and never carry a personal number", async ({ page }) => {
    await signInAsNewPerson(page);
    await page.request.post("/api/lang", { form: { lang: "sv" } });
    const cookies = await page.context().cookies();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie.httpOnly, cookie.name).toBe(true);
      expect(cookie.sameSite, cookie.name).toBe("Lax");
      expect(cookie.value, cookie.name).not.toMatch(/(19|20)\d{6}-?\d{4}/);
    }
  });
});
