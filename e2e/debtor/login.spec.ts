import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

test.describe("signing in with BankID on a phone", () => {
  test("same-device flow lands a demo debtor on their cases, and signs out", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1, name: "Logga in med BankID" })).toBeVisible();
    await expect(page.getByText("Vi ber dig aldrig logga in med BankID för att någon har ringt dig.", { exact: false })).toBeVisible();
    await expectAccessible(page, "login choose");
    const started = Date.now();
    await signInOnPhone(page, "Anna Lindqvist");
    await page.waitForURL(/\/cases$/);
    console.info(`login to signed-in page: ${Date.now() - started} ms`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har 1 ärende hos oss");
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL(/\/login\?reason=signed-out/);
    await expect(page.getByText("Du är utloggad.")).toBeVisible();
    await page.goto("/cases");
    await page.waitForURL(/\/login$/);
  });

  test("on a phone, BankID on this device is the primary button", async ({ page }) => {
    await page.goto("/login");
    const thisDevice = page.getByRole("button", { name: "Öppna BankID på den här enheten" });
    const otherDevice = page.getByRole("button", { name: "Mobilt BankID på en annan enhet" });
    await expect(thisDevice).toHaveAttribute("data-primary", "");
    await expect(otherDevice).not.toHaveAttribute("data-primary");
    // Filled with the brand colour, and the other one only outlined.
    await expect(thisDevice).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(otherDevice).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  });

  test("the simulated app shows the order and passes axe", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
    await page.waitForURL(/\/sim\/bankid\/app/);
    await expect(page.getByRole("button", { name: "Identifiera" })).toBeVisible();
    await expectAccessible(page, "simulated app");
  });

  test("cancelling in the app says so, and trying again works", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
    await page.waitForURL(/\/sim\/bankid\/app/);
    await page.getByRole("button", { name: "Avbryt" }).click();
    await page.waitForURL(/\/login\?resume=1/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Åtgärden avbröts.");
    await expectAccessible(page, "login failed");
    await page.getByRole("button", { name: "Försök igen" }).click();
    await expect(page.getByRole("button", { name: "Öppna BankID på den här enheten" })).toBeVisible();
  });

  test("a person with no cases gets a kind page", async ({ page }) => {
    await signInOnPhone(page, "Nils Persson");
    await page.waitForURL(/\/no-cases$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har inga ärenden hos oss");
    await expectAccessible(page, "no cases");
  });

  test("a dead session sends the person to sign in again, saying why", async ({ page, context }) => {
    await signInOnPhone(page, "Johan Karlsson");
    await page.waitForURL(/\/cases$/);
    const cookies = await context.cookies();
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL(/\/login/);
    // The old cookie comes back, but its session is gone on the server.
    await context.addCookies(cookies);
    await page.goto("/cases");
    await page.waitForURL(/\/login\?reason=expired/);
    await expect(page.getByText("Du har loggats ut eftersom du inte har gjort något på en stund.")).toBeVisible();
  });

  test("starting too many orders from one browser is refused with a clear message", async ({ page }) => {
    await page.goto("/login");
    for (let i = 0; i < 8; i++) {
      await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
      await page.getByRole("button", { name: "Avbryt" }).click();
    }
    await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Du har försökt logga in många gånger. Vänta en stund och försök igen.");
  });

  test("in English too", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Log in with BankID" })).toBeVisible();
    await expect(page.getByText("We never ask you to log in with BankID because someone phoned you.", { exact: false })).toBeVisible();
    await expectAccessible(page, "login en");
  });
});
