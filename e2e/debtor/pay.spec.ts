import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

/** The first amount of money in a text ("12 483,15 kr") in kronor. */
const kronor = (text: string) => Number(/(\d{1,3}(?:\s\d{3})*(?:,\d{2})?)\s*kr/.exec(text)![1]!.replace(/\s/g, "").replace(",", "."));

test.describe("paying", () => {
  test("part by card, then the rest with Swish in the app; receipts and the new balance", async ({ page }) => {
    // Card, then Swish, then two receipts: the longest journey, given room on a busy two-core machine.
    test.setTimeout(180_000);
    await signInOnPhone(page, "Mohammed Ali");
    await page.waitForURL(/\/cases(\/|$)/);
    if (!/\/cases\/[0-9a-f-]{36}$/.test(page.url())) await page.getByRole("link", { name: /Visa ärendet/ }).first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("kvar att betala");
    const caseUrl = page.url();
    const heading = await page.getByRole("heading", { level: 1 }).innerText();
    const before = kronor(heading);

    await page.getByRole("link", { name: "Betala", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Betala ärende");
    await expectAccessible(page, "pay sv");

    // A mistake first: the amount is kept and the error says what to do.
    await page.getByLabel(/^En del nu/).check();
    await page.getByLabel("Belopp i kronor").fill("5");
    await page.getByLabel(/^Kort/).check();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Betala minst 100 kr");
    await expect(page).toHaveTitle(/^Fel: /);
    await expect(page.getByLabel("Belopp i kronor")).toHaveValue("5");
    await expectAccessible(page, "pay error sv");

    await page.getByLabel("Belopp i kronor").fill("250");
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/sim\/card\/checkout\//);
    await expectAccessible(page, "card checkout");
    await page.getByRole("button", { name: /^Betala/ }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tack! Vi har fått 250 kr", { timeout: 20_000 });
    await expect(page.getByText(/Kvar att betala på ärendet: /)).toContainText(/\d/);
    const after = kronor(await page.getByText(/Kvar att betala på ärendet: /).innerText());
    expect(Math.round((before - after) * 100)).toBeGreaterThanOrEqual(25_000);
    await expectAccessible(page, "paid by card");
    const receipt = await page.request.get((await page.getByRole("link", { name: /Kvitto för ärende/ }).getAttribute("href"))!);
    expect(receipt.headers()["content-type"]).toBe("application/pdf");

    await page.goto(caseUrl);
    await page.getByRole("link", { name: "Betala", exact: true }).click();
    await page.getByLabel(/^Swish/).check();
    await page.getByRole("button", { name: "Fortsätt" }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("i Swish");
    await expect(page.getByRole("status")).toContainText("Väntar på Swish");
    await expectAccessible(page, "swish waiting");
    await page.getByRole("link", { name: "Öppna Swish" }).click();
    await page.waitForURL(/\/sim\/swish/);
    await expectAccessible(page, "swish app");
    await page.getByRole("button", { name: /^Betala/ }).click();
    await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tack! Vi har fått", { timeout: 20_000 });
    await expect(page.getByText("Ärendet är betalt. Inga fler brev kommer.")).toBeVisible();
    await expectAccessible(page, "paid by swish");

    await page.goto(caseUrl);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ärendet är betalt. Tack!");
    await expect(page.getByRole("table", { name: /betalningar/i }).getByRole("row")).toHaveCount(3);
    await expectAccessible(page, "case paid");
  });
});
