import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInOnPhone, test, useLanguage } from "../fixtures";

// Tove books and cancels: her own person, so this never collides with another journey.
test.describe.configure({ mode: "serial", timeout: 180_000 });

/** Moves focus with Tab until the focused element's text or label matches, as a keyboard user would. */
async function tabTo(page: Page, name: RegExp) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press("Tab");
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return "";
      const id = el.getAttribute("id");
      const byFor = id ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
      const wrapping = el.closest("label")?.textContent;
      return `${el.getAttribute("aria-label") ?? ""} ${byFor ?? ""} ${wrapping ?? ""} ${el.textContent ?? ""}`.trim();
    });
    if (name.test(label)) return;
  }
  throw new Error(`no focusable element matching ${name}`);
}

test("sv, keyboard only: a callback is asked for, refused once with the number kept, confirmed and cancelled", async ({ page }) => {
  await useLanguage(page, "sv");
  await signInOnPhone(page, "Tove Lund");
  await page.waitForURL(/\/cases$/);
  await tabTo(page, /^Prata med oss/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/contact$/);
  await tabTo(page, /^Be oss ringa upp$/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/contact\/callback$/);
  await expectAccessible(page, "sv callback form");
  await expect(page.getByLabel("Telefonnummer")).toHaveValue("073-123 45 67");

  await tabTo(page, /Telefonnummer/);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("+47 912 34 567");
  // Tab enters the group of windows at its first; an arrow key moves to (and picks) the next.
  await tabTo(page, /Kl\. 08–10/);
  await page.keyboard.press("ArrowDown");
  await tabTo(page, /Vad vill du prata om/);
  await page.keyboard.type("Jag vill prata om en plan.");
  await tabTo(page, /^Be oss ringa$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveTitle(/^Fel: /);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Vi kan bara ringa svenska nummer.");
  await expect(page.getByLabel("Telefonnummer")).toHaveValue("+47 912 34 567");
  await expect(page.getByLabel("Vad vill du prata om?")).toHaveValue("Jag vill prata om en plan.");
  await expect(page.getByRole("radio", { name: "Kl. 10–12" })).toBeChecked();
  await expectAccessible(page, "sv callback refused");

  await tabTo(page, /Telefonnummer/);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("070-765 43 21");
  await tabTo(page, /^Be oss ringa$/);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/contact\/callback\/[0-9a-f-]+\?booked=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vi ringer dig");
  await expect(page.getByText(/Vi ringer dig \p{L}+dag \d+ \p{L}+ mellan kl\. 10–12 på 070-765 43 21\./u)).toBeVisible();
  await expectAccessible(page, "sv callback booked");

  await tabTo(page, /^Avboka samtalet$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Du har avbokat samtalet.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Samtalet är avbokat");
  await expectAccessible(page, "sv callback cancelled");
});

test("en: a callback is asked for and cancelled", async ({ page }) => {
  await useLanguage(page, "en");
  await signInOnPhone(page, "Tove Lund");
  await page.waitForURL(/\/cases$/);
  await page.getByRole("link", { name: "Talk to us", exact: true }).click();
  await page.getByRole("link", { name: "Ask us to call you" }).click();
  await expectAccessible(page, "en callback form");
  await page.getByRole("radio", { name: "14–16" }).check();
  await page.getByLabel("What would you like to talk about?").fill("A question about my invoice.");
  await page.getByRole("button", { name: "Ask us to call" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We will call you");
  await expect(page.getByText(/We will call you on \p{L}+day \d+ \p{L}+ between 14–16 on 073-123 45 67\./u)).toBeVisible();
  await expectAccessible(page, "en callback booked");
  await page.getByRole("link", { name: "Back to Talk to us" }).click();
  await expect(page.getByText(/We will call on \p{L}+day \d+ \p{L}+, 14–16\./u)).toBeVisible();
  await page.getByRole("link", { name: "View or cancel" }).first().click();
  await page.getByRole("button", { name: "Cancel the call" }).click();
  await expect(page.getByRole("status")).toHaveText("You have cancelled the call.");
  await expectAccessible(page, "en callback cancelled");
});
