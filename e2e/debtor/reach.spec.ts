import type { Locator, Page } from "@playwright/test";
import { earliestSendTime } from "../../server/domain/outreach";
import { expect, expectAccessible, signInOnPhone, test, useLanguage } from "../fixtures";

// Vera Sund is this file's own person (server/db/seed/demo-reach-people.ts): a reminder to her waits
// in the outbox when the demo starts, and nobody else's journey touches her.
test.describe.configure({ mode: "serial", timeout: 240_000 });

const NUMBER = { typed: "070-111 22 33", e164: "+46701112233" };

/** The simulated inbox, reloaded until an item matching all of `texts` is there. */
async function inboxItem(page: Page, texts: (string | RegExp)[]): Promise<Locator> {
  let item: Locator = page.getByRole("listitem");
  await expect(async () => {
    // Whatever is due goes now rather than at the next minute's dispatch.
    expect((await page.request.post("/api/sim/outbox/dispatch")).ok()).toBe(true);
    await page.goto("/sim/inbox");
    item = page.getByRole("listitem");
    for (const text of texts) item = item.filter({ hasText: text });
    await expect(item.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000, 3_000] });
  return item.first();
}

test("a reminder in the inbox, its link through BankID to the case; SMS chosen with a verified number; the next message goes by SMS", async ({ page }) => {
  await useLanguage(page, "sv");

  // 1. The reminder goes out by e-mail (her choice) and is in the simulated inbox, link and all.
  const reminder = await inboxItem(page, ["vera@example.se", "Påminnelse: betala senast"]);
  await expect(reminder).toContainText("E-post");
  await expectAccessible(page, "sim inbox");
  const link = reminder.getByRole("link", { name: /\/l\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/ });
  const href = (await link.getAttribute("href"))!;
  expect(new URL(href).pathname).toMatch(/^\/l\//);

  // 2. The link remembers the case across BankID and lands on it.
  await link.click();
  await page.waitForURL(/\/login$/);
  await expectAccessible(page, "sign-in from a link");
  await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
  await page.waitForURL(/\/sim\/bankid\/app/);
  await page.getByLabel(/Vera Sund/).check();
  await page.getByRole("button", { name: "Identifiera" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hemma & Handla AB");
  await expectAccessible(page, "the case from the link");

  // 3. From the overview to the preferences: SMS cannot be chosen before the number is confirmed.
  await page.goto("/cases");
  await page.getByRole("link", { name: /^Så når vi dig/ }).click();
  await page.waitForURL(/\/preferences$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Så når vi dig");
  const history = page.getByRole("region", { name: "Det här har vi skickat till dig" });
  await expect(history.getByRole("listitem").filter({ hasText: "Påminnelse om betaldag" })).toContainText(/E-post · (Skickat|Har kommit fram)/);
  await expectAccessible(page, "preferences");
  await page.getByLabel("I första hand").selectOption("sms");
  await page.getByRole("button", { name: "Spara dina val" }).click();
  await expect(page).toHaveTitle(/^Fel: /);
  await expect(page.getByRole("alert")).toContainText("Lägg till ditt mobilnummer och bekräfta det först.");
  await expect(page.getByLabel("I första hand")).toHaveValue("sms");
  await expectAccessible(page, "preferences refused");

  // 4. The number, a code by SMS (read from the simulated phone), the code typed in.
  await page.getByRole("link", { name: "Lägg till mobilnummer" }).click();
  await page.waitForURL(/\/preferences\/phone$/);
  await expectAccessible(page, "add a phone number");
  await page.getByLabel("Mobilnummer").fill("08-123 456 78");
  await page.getByRole("button", { name: "Skicka koden" }).click();
  await expect(page.getByRole("alert")).toContainText("Skriv ett mobilnummer. Det börjar med 07.");
  await expect(page.getByLabel("Mobilnummer")).toHaveValue("08-123 456 78");
  await page.getByLabel("Mobilnummer").fill(NUMBER.typed);
  await page.getByRole("button", { name: "Skicka koden" }).click();
  await page.waitForURL(/\/preferences\/code\?channel=sms$/);
  await expect(page.getByText(`Vi har skickat en kod med sex siffror till ${NUMBER.typed}.`)).toBeVisible();
  await expectAccessible(page, "enter the code");
  const codeSms = await inboxItem(page, [NUMBER.e164, "Din kod är"]);
  const code = /Din kod är (\d{6})/.exec((await codeSms.textContent())!)![1]!;
  await page.goto("/preferences/code?channel=sms");
  await page.getByLabel("Koden").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Bekräfta" }).click();
  await expect(page.getByRole("alert")).toContainText("Koden stämmer inte. Försök igen.");
  await page.getByLabel("Koden").fill(code);
  await page.getByRole("button", { name: "Bekräfta" }).click();
  await page.waitForURL(/\/preferences\?verified=sms$/);
  await expect(page.getByRole("status")).toContainText("Ditt mobilnummer är bekräftat");

  // 5. SMS first now.
  await page.getByLabel("I första hand").selectOption("sms");
  await page.getByLabel("I andra hand").selectOption("email");
  await page.getByRole("button", { name: "Spara dina val" }).click();
  await page.waitForURL(/\/preferences\?saved=1$/);
  await expect(page.getByRole("status")).toContainText("Vi följer dina val från och med nu.");
  await expect(page.getByLabel("I första hand")).toHaveValue("sms");
  await expectAccessible(page, "preferences saved");

  // 6. The next message (a call booked) goes by SMS to the confirmed number.
  await page.goto("/contact/callback");
  await expect(page.getByLabel("Telefonnummer")).toHaveValue(/070-111 22 33|\+46701112233/);
  await page.getByRole("radio", { name: "Kl. 10–12" }).check();
  await page.getByLabel("Vad vill du prata om?").fill("Min påminnelse.");
  await page.getByRole("button", { name: "Be oss ringa", exact: true }).click();
  await page.waitForURL(/\/contact\/callback\/[0-9a-f-]{36}\?booked=1$/);
  const now = new Date();
  if (earliestSendTime("sms", now) <= now) {
    const sms = await inboxItem(page, [NUMBER.e164, "Det finns nytt i ditt ärende"]);
    await expect(sms).toContainText("Sms");
    await expect(sms).not.toContainText("Hemma & Handla");
  }
  // Out of SMS hours it waits for 09:00, still by SMS: the history says so either way.
  await page.goto("/preferences");
  await expect(history.getByRole("listitem").filter({ hasText: "Vi ringer dig" })).toContainText(/Sms · (Väntar på att skickas|Skickat|Har kommit fram)/);
});

test("en: a link that was changed or is too old leads kindly to sign-in; the preferences page in English passes axe", async ({ page }) => {
  await useLanguage(page, "en");
  await page.goto(`/l/${"A".repeat(24)}.${"B".repeat(22)}`);
  await page.waitForURL(/\/login\?reason=link$/);
  await expect(page.getByText("That link could not be used. It may be too old. Log in to see your cases.")).toBeVisible();
  await expectAccessible(page, "en link not usable");
  await signInOnPhone(page, "Vera Sund");
  await page.waitForURL(/\/cases$/);
  await page.getByRole("link", { name: /^How we reach you/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How we reach you");
  await expect(page.getByLabel("First choice")).toHaveValue("sms");
  await expectAccessible(page, "en preferences");
  await page.getByRole("link", { name: "Change e-mail address" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an e-mail address");
  await expectAccessible(page, "en e-mail form");
});
