import { PDFDocument, StandardFonts } from "pdf-lib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

/**
 * Fails the test with a readable list when axe finds any WCAG 2.2 A/AA violation. A page without
 * frames is scanned by axe in the page itself (its "legacy" mode): the same rules over the same
 * document in half the time. A page with a frame gets the full run, which also looks inside it.
 */
export async function expectAccessible(page: Page, context = "") {
  const results = await new AxeBuilder({ page }).setLegacyMode(page.frames().length === 1).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations ${context}`).toEqual([]);
}

/**
 * The same scan for a page opened with JavaScript off. axe needs timers, which do not run there, so
 * the page as the browser holds it is scanned in a second, scripted context at the same address:
 * the same HTML and styles, with the page's own scripts and its self-refresh left out, so that what
 * is scanned is what a person without JavaScript sees.
 */
export async function expectAccessibleWithoutScript(page: Page, context = "") {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "").replace(/<meta[^>]*http-equiv="refresh"[^>]*>/gi, "");
  const browser = page.context().browser()!;
  const viewport = page.viewportSize();
  const scanner = await browser.newContext({ ...(viewport ? { viewport } : {}), locale: "sv-SE" });
  try {
    const copy = await scanner.newPage();
    await copy.route((address) => address.href === url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url);
    // The copy is the page itself, not an empty one that would pass any scan.
    await expect(copy.getByRole("main")).toHaveText((await page.getByRole("main").textContent()) ?? "");
    await expectAccessible(copy, context);
  } finally {
    await scanner.close();
  }
}

export async function useLanguage(page: Page, lang: "sv" | "en") {
  await page.context().addCookies([{ name: "kvitt-lang", value: lang, url: `http://localhost:${process.env.E2E_PORT ?? 3100}` }]);
}

export const test = base;
export { expect };

/** Signs in on this device through the simulated BankID app, as one of the demo people. */
export async function signInOnPhone(page: Page, name: string, path = "/login") {
  await page.goto(path);
  await page.getByRole("button", { name: /BankID på den här enheten|BankID on this device/ }).click();
  await page.waitForURL(/\/sim\/bankid\/app/);
  await page.getByLabel(new RegExp(name)).check();
  await page.getByRole("button", { name: /Identifiera|Identify/ }).click();
}

/** A one-page PDF with a line of text, as a receipt a person might attach. */
export async function receiptPdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 780, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}
