import { randomUUID } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInOnPhone, test } from "../fixtures";

/**
 * Every page and route handler whose URL carries an id, opened by someone it does not belong to:
 * another person signed in and nobody signed in. Each must answer as if the thing did not exist
 * (404) or send the person to sign in, never show it and never fail (500). A new id-bearing URL
 * without an entry here fails the first test. (Each procedure behind these pages is tried by every
 * kind of viewer in server/api/access-matrix.int.test.ts.)
 */
type Owned = Record<"caseId" | "documentId" | "planId" | "instalmentId" | "threadId" | "callbackId" | "requestId", string>;

/** URL pattern (as in app/, route groups left out) → the URL with Erik's ids, or why it carries no one's data. */
const URLS: Record<string, ((o: Owned) => string) | { notDebtorData: string }> = {
  "/cases/[caseId]": (o) => `/cases/${o.caseId}`,
  "/cases/[caseId]/postpone": (o) => `/cases/${o.caseId}/postpone`,
  "/cases/[caseId]/dispute": (o) => `/cases/${o.caseId}/dispute`,
  "/cases/[caseId]/dispute/amount": (o) => `/cases/${o.caseId}/dispute/amount`,
  "/cases/[caseId]/dispute/cant-pay": (o) => `/cases/${o.caseId}/dispute/cant-pay`,
  "/cases/[caseId]/dispute/check": (o) => `/cases/${o.caseId}/dispute/check`,
  "/cases/[caseId]/dispute/describe": (o) => `/cases/${o.caseId}/dispute/describe`,
  "/cases/[caseId]/documents/[documentId]": (o) => `/cases/${o.caseId}/documents/${o.documentId}`,
  "/contact/callback/[callbackId]": (o) => `/contact/callback/${o.callbackId}`,
  "/contact/requests/[requestId]": (o) => `/contact/requests/${o.requestId}`,
  "/contact/requests/[requestId]/json": (o) => `/contact/requests/${o.requestId}/json`,
  "/contact/requests/[requestId]/pdf": (o) => `/contact/requests/${o.requestId}/pdf`,
  "/contact/threads/[threadId]": (o) => `/contact/threads/${o.threadId}`,
  "/payments/[requestId]": () => `/payments/${randomUUID()}`,
  "/receipts/[paymentId]": () => `/receipts/${randomUUID()}`,
  "/plans/[planId]": (o) => `/plans/${o.planId}`,
  "/plans/[planId]/sign": (o) => `/plans/${o.planId}/sign`,
  "/plans/[planId]/agreement": (o) => `/plans/${o.planId}/agreement`,
  "/plans/[planId]/calendar": (o) => `/plans/${o.planId}/calendar`,
  "/plans/[planId]/move/[instalmentId]": (o) => `/plans/${o.planId}/move/${o.instalmentId}`,
  "/attachments/[attachmentId]": () => `/attachments/${randomUUID()}`,
  "/staff/attachments/[attachmentId]": () => `/staff/attachments/${randomUUID()}`,
  "/staff/debtors/[debtorId]": () => `/staff/debtors/${randomUUID()}`,
  "/staff/disputes/[disputeId]": () => `/staff/disputes/${randomUUID()}`,
  "/staff/talk/callbacks/[callbackId]": (o) => `/staff/talk/callbacks/${o.callbackId}`,
  "/staff/talk/requests/[requestId]": (o) => `/staff/talk/requests/${o.requestId}`,
  "/staff/talk/threads/[threadId]": (o) => `/staff/talk/threads/${o.threadId}`,
  "/l/[token]": { notDebtorData: "a deep link's token; opening one only remembers its case for after sign-in (deep-link tests)" },
  "/assets/[file]": { notDebtorData: "our own scripts" },
  "/api/auth/[...nextauth]": { notDebtorData: "Auth.js" },
  "/api/trpc/[trpc]": { notDebtorData: "the procedures, each in the access matrix" },
  "/api/sim/bankid/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/api/sim/card/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/api/sim/kivra/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/api/sim/sms/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/api/sim/swish/[...path]": { notDebtorData: "simulator, demo mode only" },
  "/sim/card/checkout/[id]": { notDebtorData: "simulator, demo mode only" },
  "/sim/inbox/kivra/[key]": { notDebtorData: "simulated Kivra inbox, demo mode only: the letter a simulated recipient got" },
  "/sim/inbox/paper/[day]/[id]": { notDebtorData: "simulated printer tray, demo mode only" },
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
  await signInOnPhone(page, "Erik Johansson");
  await page.waitForURL(/\/cases$/);
  const trpc = async <T,>(procedure: string, input?: unknown): Promise<T | null> => {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await page.request.get(`/api/trpc/${procedure}${query}`);
    return response.ok() ? ((await response.json()) as { result: { data: { json: T } } }).result.data.json : null;
  };
  const caseId = (await trpc<{ cases: { id: string }[] }>("debtor.cases.list"))!.cases[0]!.id;
  await page.goto(`/cases/${caseId}`);
  const doc = await page.locator(`a[href^="/cases/${caseId}/documents/"]`).first().getAttribute("href").catch(() => null);
  const planId = (await trpc<{ id: string }[]>("debtor.plans.list"))?.[0]?.id ?? randomUUID();
  const plan = await trpc<{ instalments: { id: string }[] }>("debtor.plans.get", { planId });
  const talk = await trpc<{ threads: { id: string }[]; callbacks: { id: string }[]; requests: { id: string }[] }>("debtor.talk.overview");
  return {
    caseId,
    documentId: doc ? doc.split("/").at(-1)! : randomUUID(),
    planId,
    instalmentId: plan?.instalments[0]?.id ?? randomUUID(),
    threadId: talk?.threads[0]?.id ?? randomUUID(),
    callbackId: talk?.callbacks[0]?.id ?? randomUUID(),
    requestId: talk?.requests[0]?.id ?? randomUUID(),
  };
}

test.describe("id-bearing URLs", () => {
  test("every one is in the list", () => {
    const missing = dynamicRoutes().filter((route) => !(route in URLS));
    expect(missing, "add these to e2e/security/access.spec.ts").toEqual([]);
  });

  test("another person and nobody signed in are refused each of them", async ({ browser }) => {
    // Two sign-ins and about seventy requests.
    test.setTimeout(180_000);
    const ownerContext = await browser.newContext();
    const owned = await ownersThings(await ownerContext.newPage());
    // The owner sees their own case and thread: the ids are real.
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
    for (const url of urls) await expectRefused(other.request, url, "another person");
    await other.close();
    console.info(`id-bearing URLs: ${urls.length} URLs × 2 viewers = ${urls.length * 2} cases, 0 shown`);
  });
});
