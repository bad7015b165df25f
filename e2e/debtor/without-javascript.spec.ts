import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, expectAccessibleWithoutScript, signInOnPhone, test } from "../fixtures";

// Ida Ek and Olof Ström are this file's own demo people (server/db/seed/demo-fast.ts): they pay and
// make plans here, so no other file's test meets them.
const IDA = { personalNumber: "199207243289", name: "Ida Ek" };
const OLOF = { personalNumber: "198703156128", name: "Olof Ström" };
const port = Number(process.env.E2E_PORT ?? 3100);

async function withoutScript(browser: Browser, page?: Page) {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "sv-SE", viewport: { width: 390, height: 844 }, ...(page ? { storageState: await page.context().storageState() } : {}) });
  return { page: await context.newPage(), close: () => context.close() };
}

/** The phone's BankID app, played through the simulator's control API: identify the order found by its QR code or autostart token. */
async function identify(request: APIRequestContext, found: { qrContent: string } | { autoStartToken: string }, personalNumber: string) {
  const scanned = await request.post("/api/sim/bankid/control/find", { data: found });
  expect(scanned.ok()).toBe(true);
  const { orderRef } = (await scanned.json()) as { orderRef: string };
  const done = await request.post(`/api/sim/bankid/control/orders/${orderRef}/identify`, { data: { personalNumber } });
  expect(done.ok()).toBe(true);
}

/** "I have identified, continue" once the page (refreshing itself) says BankID is done. */
async function continueWhenDone(page: Page) {
  await expect(page.getByRole("status")).toContainText("Du har identifierat dig", { timeout: 15_000 });
  await page.getByRole("button", { name: "Jag har identifierat mig, fortsätt" }).click();
}

async function signInByQr(page: Page, request: APIRequestContext, personalNumber: string) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
  const qr = page.getByRole("img", { name: "QR-kod för BankID. Koden byts varje sekund." });
  await expect(qr).toHaveAttribute("data-qr", /^bankid\./);
  await identify(request, { qrContent: (await qr.getAttribute("data-qr"))! }, personalNumber);
  await continueWhenDone(page);
  await page.waitForURL(/\/cases$/);
}

test.describe("with JavaScript off", () => {
  test("signing in with BankID on another device: a QR code the page renews by itself, then continue", async ({ browser, request }) => {
    const { page, close } = await withoutScript(browser);
    await page.goto("/login");
    await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
    const qr = page.getByRole("img", { name: "QR-kod för BankID. Koden byts varje sekund." });
    const first = await qr.getAttribute("data-qr");
    expect(first).toMatch(/^bankid\./);
    // The page refreshes itself, so the code changes without a script.
    await expect.poll(() => qr.getAttribute("data-qr"), { timeout: 5_000 }).not.toBe(first);
    await expectAccessibleWithoutScript(page, "QR without JavaScript");
    await identify(request, { qrContent: (await qr.getAttribute("data-qr"))! }, IDA.personalNumber);
    await continueWhenDone(page);
    await page.waitForURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har 2 ärenden hos oss");
    await close();
  });

  test("signing in with BankID on this device: to the app and back, then continue", async ({ browser, request }) => {
    const { page, close } = await withoutScript(browser);
    await page.goto("/login");
    await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
    await page.waitForURL(/\/sim\/bankid\/app\?autostarttoken=/);
    const token = new URL(page.url()).searchParams.get("autostarttoken")!;
    await identify(request, { autoStartToken: token }, IDA.personalNumber);
    // The app sends the person back to the page that started it.
    await page.goto("/login?resume=1");
    await continueWhenDone(page);
    await page.waitForURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har 2 ärenden hos oss");
    await close();
  });

  test("cancelling a QR order shows the choice again", async ({ browser }) => {
    const { page, close } = await withoutScript(browser);
    await page.goto("/login");
    await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
    await page.getByRole("button", { name: "Avbryt" }).click();
    await expect(page.getByRole("button", { name: "Mobilt BankID på en annan enhet" })).toBeVisible();
    await close();
  });

  test("paying by card and by Swish", async ({ browser, request }) => {
    const { page, close } = await withoutScript(browser);
    await signInByQr(page, request, IDA.personalNumber);
    await page.getByRole("link", { name: "Visa ärendet från Norrsken Mobil AB" }).click();
    const caseUrl = page.url();
    await page.getByRole("link", { name: "Betala", exact: true }).click();

    // A mistake first: the error is summarised, the title says so, and the amount is kept.
    await page.getByLabel(/^En del nu/).check();
    await page.getByLabel("Belopp i kronor").fill("5");
    await page.getByLabel(/^Kort/).check();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Betala minst 100 kr");
    await expect(page).toHaveTitle(/^Fel: /);
    await expect(page.getByLabel("Belopp i kronor")).toHaveValue("5");
    await expect(page.getByLabel(/^Kort/)).toBeChecked();
    await expectAccessibleWithoutScript(page, "pay error without JavaScript");

    await page.getByLabel("Belopp i kronor").fill("150");
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/sim\/card\/checkout\//);
    await page.getByRole("button", { name: /^Betala/ }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tack! Vi har fått 150 kr", { timeout: 20_000 });

    await page.goto(caseUrl);
    await page.getByRole("link", { name: "Betala", exact: true }).click();
    await page.getByLabel(/^En del nu/).check();
    await page.getByLabel("Belopp i kronor").fill("200");
    await page.getByLabel(/^Swish/).check();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
    const statusUrl = page.url();
    await expect(page.getByRole("status")).toContainText("Väntar på Swish");
    await page.getByRole("link", { name: "Öppna Swish" }).click();
    await page.waitForURL(/\/sim\/swish/);
    await page.getByRole("button", { name: /^Betala/ }).click();
    await page.goto(statusUrl);
    // The status page refreshes itself until Swish has answered.
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tack! Vi har fått 200 kr", { timeout: 20_000 });
    await close();
  });

  test("making a plan: the questions, signing with BankID, the plan", async ({ browser, request }) => {
    const { page, close } = await withoutScript(browser);
    await signInByQr(page, request, OLOF.personalNumber);
    await page.getByRole("link", { name: "Visa ärendet från Norrsken Mobil AB" }).click();
    await page.getByRole("link", { name: "Dela upp betalningen" }).click();
    await page.waitForURL(/\/plans\/new/);
    if (!/amount/.test(page.url())) await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/plans\/new\/amount/);
    await page.getByLabel(/^Ett antal månader/).check();
    await page.getByLabel("Antal månader", { exact: true }).fill("3");
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/plans\/new\/day/);
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/plans\/new\/method/);
    await page.getByLabel(/^Bankgiro med OCR-nummer/).check();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/plans\/new\/check/);
    await page.getByRole("button", { name: "Skriv under med BankID" }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/sign/);
    await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
    const qr = page.getByRole("img", { name: "QR-kod för BankID. Koden byts varje sekund." });
    const scanned = await request.post("/api/sim/bankid/control/find", { data: { qrContent: await qr.getAttribute("data-qr") } });
    const { orderRef } = (await scanned.json()) as { orderRef: string };
    await request.post(`/api/sim/bankid/control/orders/${orderRef}/identify`, { data: { personalNumber: OLOF.personalNumber } });
    await expect(page.getByRole("status")).toContainText("Du har skrivit under", { timeout: 15_000 });
    await page.getByRole("button", { name: "Jag har skrivit under, fortsätt" }).click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}\?signed=1/);
    await expect(page.getByText("Tack! Din plan gäller nu")).toBeVisible();
    await close();
  });
});

test.describe("preferences with JavaScript off", () => {
  test("a choice refused with the reason, then saved; the page is a plain form", async ({ browser, request }) => {
    const { page, close } = await withoutScript(browser);
    await signInByQr(page, request, IDA.personalNumber);
    await page.getByRole("link", { name: /^Så når vi dig/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Så når vi dig");
    // Her number is on file but not confirmed: SMS cannot be chosen yet.
    await page.getByLabel("I första hand").selectOption("sms");
    await page.getByRole("button", { name: "Spara dina val" }).click();
    await expect(page).toHaveTitle(/^Fel: /);
    await expect(page.getByRole("alert")).toContainText("Lägg till ditt mobilnummer och bekräfta det först.");
    await expect(page.getByLabel("I första hand")).toHaveValue("sms");
    await expectAccessibleWithoutScript(page, "preferences refused without JavaScript");
    await page.getByLabel("I första hand").selectOption("kivra");
    await page.getByLabel("I andra hand").selectOption("paper");
    await page.getByRole("button", { name: "Spara dina val" }).click();
    await expect(page.getByRole("status")).toContainText("Vi följer dina val från och med nu.");
    await expect(page.getByLabel("I andra hand")).toHaveValue("paper");
    await expectAccessibleWithoutScript(page, "preferences saved without JavaScript");
    await close();
  });
});

test.describe("every debtor page goes out without React", () => {
  /** The debtor pages of this build, from its own route list: a page added later is checked by itself. */
  function debtorPages(): string[] {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
    return Object.entries(manifest)
      .filter(([file]) => file.startsWith("/(debtor)/") && file.endsWith("/page"))
      .map(([, route]) => route)
      .sort();
  }

  test("no page loads Next's scripts, whatever it shows", async ({ page }) => {
    const pages = debtorPages();
    expect(pages).toContain("/login");
    expect(pages).toContain("/pay");
    expect(pages).toEqual(expect.arrayContaining(["/preferences", "/preferences/phone", "/preferences/email", "/preferences/code"]));

    // Real values for the pages' parameters, from a person's own data.
    await signInOnPhone(page, "Olof Ström");
    await page.waitForURL(/\/cases/);
    const caseId = /\/cases\/([0-9a-f-]{36})/.exec((await page.getByRole("link", { name: /Visa ärendet/ }).first().getAttribute("href"))!)![1]!;
    const trpc = async <T,>(procedure: string, input?: unknown): Promise<T | null> => {
      const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
      const response = await page.request.get(`/api/trpc/${procedure}${query}`);
      return response.ok() ? ((await response.json()) as { result: { data: { json: T } } }).result.data.json : null;
    };
    const planId = (await trpc<{ id: string }[]>("debtor.plans.list"))?.[0]?.id ?? null;
    const plan = planId ? await trpc<{ instalments: { id: string }[] }>("debtor.plans.get", { planId }) : null;
    const examples: Record<string, () => Promise<string | null>> = {
      caseId: async () => caseId,
      planId: async () => planId,
      instalmentId: async () => plan?.instalments[0]?.id ?? null,
      // A Swish payment started from the pay form: its status page.
      requestId: async () => {
        await page.goto(`/pay?case=${caseId}`);
        await page.getByLabel(/^Swish/).check();
        await page.getByRole("button", { name: "Fortsätt" }).click();
        await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
        return /\/payments\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      },
    };
    // A message and a callback of Olof's own: the pages that show them.
    examples.threadId = async () => {
      await page.goto("/contact/write");
      // First what it is about (a case is already chosen), then the words.
      await page.getByRole("button", { name: "Fortsätt" }).click();
      await page.getByLabel("Ditt meddelande").fill("Hej. Kan jag betala en del nu och resten senare?");
      await page.getByRole("button", { name: "Skicka", exact: true }).click();
      await page.waitForURL(/\/contact\/threads\/[0-9a-f-]{36}/);
      return /\/contact\/threads\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    };
    examples.callbackId = async () => {
      await page.goto("/contact/callback");
      await page.getByLabel("Telefonnummer").fill("070-765 43 21");
      await page.getByRole("radio", { name: "Kl. 10–12" }).check();
      await page.getByLabel("Vad vill du prata om?").fill("En plan.");
      await page.getByRole("button", { name: "Be oss ringa", exact: true }).click();
      await page.waitForURL(/\/contact\/callback\/[0-9a-f-]{36}/);
      return /\/contact\/callback\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    };
    const queries: Record<string, string> = { "/plans/new/amount": `?cases=${caseId}`, "/plans/new/day": `?cases=${caseId}&by=months&months=3`, "/plans/new/method": `?cases=${caseId}&by=months&months=3&day=26`, "/plans/new/check": `?cases=${caseId}&by=months&months=3&day=26&method=bankgiro`, "/plans/new/request": `?cases=${caseId}&by=months&months=30&day=26&method=bankgiro`, "/plans/new": `?cases=${caseId}` };

    const missing: string[] = [];
    const loaded: string[] = [];
    for (const route of pages) {
      let url = route;
      for (const [, name] of route.matchAll(/\[([^\]]+)\]/g)) {
        const value = await examples[name!]?.();
        if (!value) {
          missing.push(`${route}: no example for [${name}]`);
          url = "";
          break;
        }
        url = url.replace(`[${name}]`, value);
      }
      if (!url) continue;
      const scripts: string[] = [];
      const listener = (r: import("@playwright/test").Request) => {
        if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
      };
      page.on("request", listener);
      // The load event waits for every script the page's HTML names (async ones too), and a page
      // with React names its chunks there; the payload check below covers the rest.
      await page.goto(`${url}${queries[route] ?? ""}`);
      page.off("request", listener);
      loaded.push(url);
      expect(scripts.filter((s) => s.startsWith("/_next/")), `${route} loads Next's scripts`).toEqual([]);
      expect(await page.evaluate(() => "__next_f" in self), `${route} carries React's payload`).toBe(false);
      for (const s of scripts) expect(s, route).toMatch(/^\/assets\/[a-z-]+\.[0-9A-Za-z]+\.js$/);
    }
    // A page whose parameter has no example must get one above, so that it is checked too.
    expect(missing.filter((m) => !m.includes("[planId]") && !m.includes("[instalmentId]"))).toEqual([]);
    expect(loaded.length).toBeGreaterThan(10);
  });

  test("same-device sign-in comes back to the host the person opened", async ({ page }) => {
    await page.goto(`http://127.0.0.1:${port}/login`);
    await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
    await page.waitForURL(/\/sim\/bankid\/app/);
    await page.getByLabel(/Olof Ström/).check();
    await page.getByRole("button", { name: "Identifiera" }).click();
    await page.waitForURL(/\/cases$/);
    expect(new URL(page.url()).host).toBe(`127.0.0.1:${port}`);
  });

  test("our scripts are cached for good under names that change with their content", async ({ page, request }) => {
    await page.goto("/login");
    const src = await page.locator("script[src^='/assets/enhance.']").first().getAttribute("src");
    expect(src).toMatch(/^\/assets\/enhance\.[0-9A-Za-z]+\.js$/);
    const response = await request.get(src!);
    expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(await response.text()).toContain("data-enhanced");
    expect((await request.get("/assets/enhance.0000000000.js")).status()).toBe(404);
  });
});
