import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

test.describe("keyboard, screen reader and dark mode", () => {
  test("from the overview to a case's breakdown with the keyboard alone", async ({ page }) => {
    await signInOnPhone(page, "Erik Johansson");
    await page.waitForURL(/\/cases$/);
    await page.reload();
    // The first Tab reaches the skip link, which moves on to the content.
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    // Tab on until the first case's link, then open it with Enter.
    const caseLink = page.getByRole("link", { name: "Visa ärendet från Norrsken Mobil AB" });
    for (let i = 0; i < 15 && !(await caseLink.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(caseLink).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
    // The breakdown is a real table with a caption and headers, for screen readers.
    const table = page.getByRole("table", { name: "Vad du ska betala, del för del" });
    await expect(table.getByRole("columnheader")).toHaveCount(2);
    await expect(table.getByRole("rowheader", { name: /Kvar att betala/ })).toBeVisible();
  });

  test("the overview, a case and help keep their contrast in dark mode", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await signInOnPhone(page, "Erik Johansson");
    await page.waitForURL(/\/cases$/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(251, 250, 247)");
    await expectAccessible(page, "cases, dark");
    await page.getByRole("link", { name: "Visa ärendet från Hemma & Handla AB" }).click();
    await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
    await expectAccessible(page, "case, dark");
    await page.goto("/debt-free?amount=abc");
    await expectAccessible(page, "debt-free error, dark");
    await page.goto("/help");
    await expectAccessible(page, "help, dark");
  });
});
