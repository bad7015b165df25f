import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInOnPhone, test } from "../fixtures";

/**
 * Every page and route handler whose URL carries an id, opened by someone it does not belong to:
 * another debtor and nobody signed in. Each must answer as if the thing did not exist (404) or send
 * the person to sign in, never show it and never fail (500). A new id-bearing URL without an entry
 * here fails the first test. (Staff and every role are covered procedure by procedure in
 * server/api/access-matrix.int.test.ts.)
 */

interface Owned {
  caseId: string;
  documentId: string | null;
}

/** URL pattern (as in app/, route groups left out) → the URL with debtor A's ids, or why it carries no one's data. */
const URLS: Record<string, ((o: Owned) => string) | { notDebtorData: string }> = {
  "/cases/[caseId]": (o) => `/cases/${o.caseId}`,
  "/cases/[caseId]/postpone": (o) => `/cases/${o.caseId}/postpone`,
  "/cases/[caseId]/documents/[documentId]": (o) => `/cases/${o.caseId}/documents/${o.documentId ?? randomUUID()}`,
  "/payments/[requestId]": () => `/payments/${randomUUID()}`,
  "/receipts/[paymentId]": () => `/receipts/${randomUUID()}`,
  "/plans/[planId]": () => `/plans/${randomUUID()}`,
  "/plans/[planId]/sign": () => `/plans/${randomUUID()}/sign`,
  "/plans/[planId]/agreement": () => `/plans/${randomUUID()}/agreement`,
  "/plans/[planId]/calendar": () => `/plans/${randomUUID()}/calendar`,
  "/plans/[planId]/move/[instalmentId]": () => `/plans/${randomUUID()}/move/${randomUUID()}`,
  "/attachments/[attachmentId]": () => `/attachments/${randomUUID()}`,
  "/staff/attachments/[attachmentId]": () => `/staff/attachments/${randomUUID()}`,
  "/l/[token]": { notDebtorData: "a deep link's token; opening one only remembers its case for after sign-in (deep-link tests)" },
  "/api/auth/[...nextauth]": { notDebtorData: "Auth.js" },
  "/api/trpc/[trpc]": { notDebtorData: "the procedures, each in the access matrix" },
  "/api/sim/bankid/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/api/sim/card/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/api/sim/swish/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/sim/card/checkout/[id]": { notDebtorData: "simulator, demo mode only" },
};

function dynamicRoutes(dir = path.join(process.cwd(), "app"), prefix = ""): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const segment = entry.startsWith("(") && entry.endsWith(")") ? "" : `/${entry}`;
      found.push(...dynamicRoutes(full, prefix + segment));
    } else if ((entry === "page.tsx" || entry === "route.ts") && prefix.includes("[")) {
      found.push(prefix);
    }
  }
  return found;
}

function freshPersonalNumber(): string {
  const nine = `${String(40 + Math.floor(Math.random() * 59))}${String(1 + Math.floor(Math.random() * 12)).padStart(2, "0")}${String(1 + Math.floor(Math.random() * 28)).padStart(2, "0")}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return `19${nine}${(10 - (sum % 10)) % 10}`;
}

async function expectRefused(request: APIRequestContext, url: string, who: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  const status = response.status();
  const location = response.headers()["location"] ?? "";
  // Not found, or sent to sign in (or, for a person with no cases, to the page that says so).
  const refused = status === 404 || ([302, 303, 307].includes(status) && /\/(staff\/)?login|\/no-cases$/.test(location));
  expect(refused, `${url} as ${who}: ${status} ${location}`).toBe(true);
}

async function ownersThings(page: Page): Promise<Owned> {
  await signInOnPhone(page, "Johan Karlsson");
  await page.waitForURL(/\/cases$/);
  const href = await page.locator('a[href^="/cases/"]').first().getAttribute("href");
  const caseId = /\/cases\/([0-9a-f-]{36})/.exec(href ?? "")![1]!;
  await page.goto(`/cases/${caseId}`);
  const doc = await page.locator(`a[href^="/cases/${caseId}/documents/"]`).first().getAttribute("href").catch(() => null);
  return { caseId, documentId: doc ? doc.split("/").at(-1)! : null };
}

test.describe("id-bearing URLs", () => {
  test("every one is in the matrix", () => {
    const missing = dynamicRoutes().filter((route) => !(route in URLS));
    expect(missing, "add these to e2e/security/access.spec.ts").toEqual([]);
  });

  test("another debtor and nobody signed in are refused each of them", async ({ browser }) => {
    // Two sign-ins and two dozen requests.
    test.setTimeout(180_000);
    const ownerContext = await browser.newContext();
    const owned = await ownersThings(await ownerContext.newPage());
    // The owner sees their own case: the ids are real.
    expect((await ownerContext.request.get(`/cases/${owned.caseId}`)).status()).toBe(200);
    await ownerContext.close();

    const urls = Object.values(URLS).flatMap((u) => (typeof u === "function" ? [u(owned)] : []));
    const signedOut = await browser.newContext();
    for (const url of urls) await expectRefused(signedOut.request, url, "nobody");
    await signedOut.close();

    const other = await browser.newContext();
    const page = await other.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: /BankID på den här enheten/ }).click();
    await page.waitForURL(/\/sim\/bankid\/app/);
    await page.getByLabel("Annat personnummer").fill(freshPersonalNumber());
    await page.getByRole("button", { name: "Identifiera" }).click();
    await page.waitForURL(/\/no-cases$/);
    for (const url of urls) await expectRefused(other.request, url, "another debtor");
    await other.close();
    console.info(`id-bearing URLs: ${urls.length} URLs × 2 viewers = ${urls.length * 2} cases, 0 shown`);
  });
});
