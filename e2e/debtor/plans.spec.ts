import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

const L = {
  sv: {
    split: "Dela upp betalningen",
    continue: "Fortsätt",
    byMonths: /^Ett antal månader/,
    monthsLabel: "Antal månader",
    byMonthly: /^Ett belopp i månaden/,
    monthlyLabel: "Kronor i månaden",
    live: /Det blir/,
    bankgiro: /^Bankgiro med OCR-nummer/,
    swish: /^Swish/,
    sign: "Skriv under med BankID",
    thisDevice: "Öppna BankID på den här enheten",
    simSign: "Skriv under",
    signed: "Tack! Din plan gäller nu",
    move: /^Flytta en betalning/,
    moveSubmit: "Flytta betalningen",
    moved: /Klart\. Betalningen är flyttad till/,
    outside: "Planen kräver att en handläggare tittar på den",
    ask: "Fråga oss ändå",
    reason: "Varför behöver du den här planen?",
    reasonError: "Skriv varför du behöver planen.",
    send: "Skicka frågan",
    pending: "Väntar på svar från oss",
    postpone: "Flytta sista dagen till efter lönen",
    postponeSubmit: "Flytta sista dagen",
    postponed: /Klart\. Ny sista dag är/,
    next: /^Nästa delbetalning: [\d\s,]+\skr senast \d{1,2} \p{L}+ \d{4}$/u,
  },
  en: {
    split: "Split the payment",
    continue: "Continue",
    byMonths: /^A number of months/,
    monthsLabel: "Number of months",
    byMonthly: /^An amount a month/,
    monthlyLabel: "Kronor a month",
    live: /That makes/,
    bankgiro: /^Bank giro with an OCR number/,
    swish: /^Swish/,
    sign: "Sign with BankID",
    thisDevice: "Open BankID on this device",
    simSign: "Sign",
    signed: "Thank you! Your plan is now in place",
    move: /^Move a payment/,
    moveSubmit: "Move the payment",
    moved: /Done\. The payment is moved to/,
    outside: "A case worker needs to look at this plan",
    ask: "Ask us anyway",
    reason: "Why do you need this plan?",
    reasonError: "Write why you need the plan.",
    send: "Send the question",
    pending: "Waiting for our answer",
    postpone: "Move the last day to after payday",
    postponeSubmit: "Move the last day",
    postponed: /Done\. The new last day is/,
    next: /^Next instalment: SEK\s[\d,.]+ by \d{1,2} \p{L}+ \d{4}$/u,
  },
};

async function openCase(page: Page, creditor: RegExp) {
  await page.goto("/cases");
  await page.getByRole("link", { name: creditor }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
}

/** From a case page through the four questions to "check your answers". */
async function answerPlan(page: Page, l: (typeof L)["sv"], how: { months?: string; monthly?: string; method: RegExp }, label: string) {
  await page.getByRole("link", { name: l.split }).click();
  await page.waitForURL(/\/plans\/new/);
  if (/\/plans\/new\?/.test(page.url()) && !/amount/.test(page.url())) {
    await expectAccessible(page, `${label}: which cases`);
    await page.getByRole("button", { name: l.continue }).click();
  }
  await page.waitForURL(/\/plans\/new\/amount/);
  await expectAccessible(page, `${label}: amount`);
  if (how.months) {
    await page.getByLabel(l.byMonths).check();
    await page.getByLabel(l.monthsLabel, { exact: true }).fill(how.months);
  } else {
    await page.getByLabel(l.byMonthly).check();
    await page.getByLabel(l.monthlyLabel, { exact: true }).fill(how.monthly!);
  }
  await expect(page.getByText(l.live)).toBeVisible();
  await page.getByRole("button", { name: l.continue }).click();
  await page.waitForURL(/\/plans\/new\/day/);
  await expectAccessible(page, `${label}: day`);
  await page.getByRole("button", { name: l.continue }).click();
  await page.waitForURL(/\/plans\/new\/method/);
  await expectAccessible(page, `${label}: method`);
  await page.getByLabel(how.method).check();
  await page.getByRole("button", { name: l.continue }).click();
  await page.waitForURL(/\/plans\/new\/check/);
  await expectAccessible(page, `${label}: check`);
}

async function signAndMove(page: Page, l: (typeof L)["sv"], name: string, label: string) {
  await page.getByRole("button", { name: l.sign }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\/sign/);
  await expectAccessible(page, `${label}: sign`);
  await page.getByRole("button", { name: l.thisDevice }).click();
  await page.waitForURL(/\/sim\/bankid\/app/);
  await page.getByLabel(new RegExp(name)).check();
  await page.getByRole("button", { name: l.simSign, exact: true }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}\?signed=1/, { timeout: 20_000 });
  await expect(page.getByText(l.signed)).toBeVisible();
  await expectAccessible(page, `${label}: plan`);
  const planUrl = page.url().replace(/\?.*$/, "");
  const agreement = await page.request.get(`${planUrl}/agreement`);
  expect(agreement.headers()["content-type"]).toBe("application/pdf");
  const calendar = await page.request.get(`${planUrl}/calendar`);
  expect(calendar.headers()["content-type"]).toContain("text/calendar");
  expect(await calendar.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*BEGIN:VEVENT/);

  await page.getByRole("link", { name: l.move }).first().click();
  await page.waitForURL(/\/move\//);
  await expectAccessible(page, `${label}: move`);
  await page.getByRole("button", { name: l.moveSubmit }).click();
  await expect(page.getByText(l.moved)).toBeVisible();
  await expectAccessible(page, `${label}: moved`);

  // The overview names the plan's next instalment on the case's card.
  await page.goto("/cases");
  await expect(page.getByText(l.next)).toBeVisible();
  await expectAccessible(page, `${label}: overview with a plan`);
}

async function askOutsidePolicy(page: Page, l: (typeof L)["sv"], label: string) {
  await expect(page.getByRole("heading", { name: l.outside })).toBeVisible();
  await page.getByRole("link", { name: l.ask }).click();
  await page.waitForURL(/\/plans\/new\/request/);
  await expectAccessible(page, `${label}: request`);
  await page.getByRole("button", { name: l.send }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText(l.reasonError);
  await expectAccessible(page, `${label}: request error`);
  await page.getByLabel(l.reason).fill("Jag är sjukskriven i vår och har mindre pengar.");
  await page.getByRole("button", { name: l.send }).click();
  await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByText(l.pending)).toBeVisible();
  await expectAccessible(page, `${label}: pending`);
}

async function postpone(page: Page, l: (typeof L)["sv"], label: string) {
  await page.getByRole("link", { name: l.postpone }).click();
  await page.waitForURL(/\/postpone$/);
  await expectAccessible(page, `${label}: postpone`);
  await page.getByRole("button", { name: l.postponeSubmit }).click();
  await expect(page.getByText(l.postponed)).toBeVisible();
  await expectAccessible(page, `${label}: postponed`);
}

test.describe("paying over time", () => {
  // Each journey signs twice with BankID and scans every step; files run side by side.
  test.describe.configure({ timeout: 180_000 });
  test("Swedish: a plan inside policy signed with BankID, one outside policy asked for, an instalment and a due date moved", async ({ page }) => {
    const l = L.sv;
    await signInOnPhone(page, "Erik Johansson");
    await page.waitForURL(/\/cases$/);

    await openCase(page, /Norrsken Mobil AB/);
    await answerPlan(page, l, { months: "3", method: l.bankgiro }, "sv inside");
    await expect(page.getByRole("table", { name: "Datum och belopp för varje del" }).getByRole("row")).toHaveCount(4);
    await signAndMove(page, l, "Erik Johansson", "sv inside");

    await openCase(page, /Hemma & Handla AB/);
    await answerPlan(page, l, { months: "12", method: l.swish }, "sv outside");
    await askOutsidePolicy(page, l, "sv outside");

    await openCase(page, /Bostads AB Tallbacken/);
    await postpone(page, l, "sv");
  });

  test("English: the same journeys, written in English", async ({ page }) => {
    const l = L.en;
    await signInOnPhone(page, "Sara Nilsson");
    await page.waitForURL(/\/cases$/);
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("You have");

    await openCase(page, /Norrsken Mobil AB/);
    await answerPlan(page, l, { monthly: "250", method: l.swish }, "en inside");
    await signAndMove(page, l, "Sara Nilsson", "en inside");

    await openCase(page, /Studiekassan Lån AB/);
    await answerPlan(page, l, { months: "48", method: l.bankgiro }, "en outside");
    await askOutsidePolicy(page, l, "en outside");

    // Asking for a plan does not move the case's own date: that can still be put after payday.
    await openCase(page, /Studiekassan Lån AB/);
    await postpone(page, l, "en");
  });
});
