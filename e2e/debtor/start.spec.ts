import { expect, expectAccessible, test } from "../fixtures";

test.describe("start page", () => {
  test("Swedish by default, explains the portal, offers BankID and passes axe", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se och ordna din betalning");
    await expect(page.getByRole("link", { name: "Logga in med BankID" })).toBeVisible();
    await expect(page.getByText("Vi ringer aldrig och ber dig logga in med BankID.", { exact: false })).toBeVisible();
    await expectAccessible(page, "start sv");
  });

  test("the switch changes to English and remembers it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Log in with BankID" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("See and sort out your payment");
    await expectAccessible(page, "start en");
    await page.getByRole("button", { name: "På svenska" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  test("Accept-Language picks English for an English browser", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("security headers are set", async ({ request }) => {
    const res = await request.get("/");
    const headers = res.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"]).toContain("max-age=");
    expect(headers["x-content-type-options"]).toBe("nosniff");
  });

  test("health reports the database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "ok" });
  });
});
