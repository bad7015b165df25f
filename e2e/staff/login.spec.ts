import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

test.describe("staff sign-in", () => {
  test("a case handler signs in with BankID and sees the staff view", async ({ page }) => {
    await page.goto("/staff/login");
    await expectAccessible(page, "staff login");
    await signInOnPhone(page, "Maria Svensson", "/staff/login");
    await page.waitForURL(/\/staff$/);
    await expect(page.getByText("Välkommen, Maria Svensson. Du är inloggad som handläggare.")).toBeVisible();
    await expectAccessible(page, "staff home");
  });

  test("a person who is not staff gets no staff page", async ({ page }) => {
    await signInOnPhone(page, "Anna Lindqvist", "/staff/login");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Du har inget konto som personal här.");
    await page.goto("/staff");
    await page.waitForURL(/\/staff\/login/);
  });

  test("a debtor's session does not open the staff view", async ({ page }) => {
    await signInOnPhone(page, "Erik Johansson");
    await page.waitForURL(/\/cases$/);
    await page.goto("/staff");
    await page.waitForURL(/\/staff\/login/);
  });
});
