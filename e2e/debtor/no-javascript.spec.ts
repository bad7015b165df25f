import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

/** Paths of the scripts the page asks for from now on, until `stop()`. */
function scriptsOf(page: import("@playwright/test").Page) {
  const paths: string[] = [];
  const listener = (request: import("@playwright/test").Request) => {
    if (request.resourceType() === "script") paths.push(new URL(request.url()).pathname);
  };
  page.on("request", listener);
  return Object.assign(paths, { stop: () => page.off("request", listener) });
}

test.describe("pages that need no JavaScript load none", () => {
  test("the overview, the case page and the pay form come without React; copying works", async ({ page, context }) => {
    await signInOnPhone(page, "Erik Johansson");
    await page.waitForURL(/\/cases$/);
    const scripts = scriptsOf(page);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har 3 ärenden hos oss");
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);

    await page.getByRole("link", { name: "Visa ärendet från Norrsken Mobil AB" }).click();
    await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
    expect(scripts.filter((path) => path.startsWith("/_next/"))).toEqual([]);
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);

    // The copy buttons are ours, in public/enhance.js.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const ocr = (await page.locator("dd", { has: page.getByRole("button", { name: "Kopiera OCR-numret" }) }).locator(".tabular").textContent())!.trim();
    expect(ocr).toMatch(/^\d{6,}$/);
    // The button is found by its row, as its name changes while it says "Kopierat".
    const copy = page.locator("dd").filter({ hasText: ocr }).getByRole("button");
    await copy.click();
    await expect(copy).toHaveText("Kopierat");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ocr);
    await expect(copy).toHaveText("Kopiera OCR-numret", { timeout: 5_000 });
    await expectAccessible(page, "case without scripts");

    // The pay form is a plain form too; its link back leads to the case page, still without React.
    await page.getByRole("link", { name: "Betala", exact: true }).click();
    await expect(page.getByRole("link", { name: /Tillbaka till ärendet/ })).toBeVisible();
    expect(scripts.filter((path) => path.startsWith("/_next/"))).toEqual([]);
    await page.getByRole("link", { name: /Tillbaka till ärendet/ }).click();
    await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);
    await expect(page.getByRole("button", { name: "Kopiera OCR-numret" })).toBeVisible();
  });

  test("the error summary takes focus; with JavaScript off the pages still work", async ({ page, browser }) => {
    await signInOnPhone(page, "Anna Lindqvist");
    await page.waitForURL(/\/cases/);
    await page.goto("/debt-free?amount=abc");
    await expect(page.locator("#error-summary")).toBeFocused();

    // With JavaScript turned off the page still works: the same answer from a plain GET form.
    const plain = await browser.newContext({ javaScriptEnabled: false, locale: "sv-SE", storageState: await page.context().storageState() });
    const noScript = await plain.newPage();
    await noScript.goto("/debt-free?amount=abc");
    await expect(noScript.getByRole("alert")).toContainText("Skriv ett belopp i kronor");
    await noScript.getByLabel("Belopp per månad, i kronor").fill("500");
    await noScript.getByRole("button", { name: "Räkna ut" }).click();
    await expect(noScript.getByText(/Om du betalar 500\skr i månaden är du skuldfri i/)).toBeVisible();
    // A copy button cannot work without JavaScript: it is not offered, the number is there to read.
    await noScript.goto("/cases");
    await noScript.getByRole("link", { name: /Visa ärendet/ }).first().click();
    await expect(noScript.getByText("OCR-nummer", { exact: true })).toBeVisible();
    await expect(noScript.getByRole("button", { name: /Kopiera/ })).toHaveCount(0);
    await plain.close();
  });

  test("the start page, help and the debt-free page load only our own small script", async ({ page }) => {
    await signInOnPhone(page, "Sara Nilsson");
    await page.waitForURL(/\/cases$/);
    for (const path of ["/", "/help", "/debt-free?amount=500"]) {
      const scripts = scriptsOf(page);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      scripts.stop();
      // public/enhance.js, under a name that changes with its content.
      expect([...scripts], path).toHaveLength(1);
      expect(scripts[0], path).toMatch(/^\/assets\/enhance\.[0-9A-Za-z]+\.js$/);
    }
  });
});
