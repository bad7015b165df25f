import type { Browser, Download, Locator, Page } from "@playwright/test";
import { expect, expectAccessible, receiptPdf, signInOnPhone, test, useLanguage } from "../fixtures";

const L = {
  sv: {
    person: "Karin Ek",
    caseNumber: /004900/,
    creditor: /Hemma & Handla/,
    link: "Säg att kravet är fel",
    continue: "Fortsätt",
    reasonError: "Välj vad som är fel.",
    wrongAmount: "Beloppet är fel",
    cantPay: "Kravet stämmer, men jag kan inte betala nu",
    cantPayHeading: "Vi hjälper dig att hitta en väg",
    budget: "Få gratis hjälp med din budget",
    otherAnswer: "Välj ett annat svar",
    part: "En del av beloppet",
    amount: "Belopp i kronor",
    tooLarge: /Beloppet kan vara högst/,
    describe: "Vad har hänt?",
    describeError: "Skriv vad som har hänt.",
    files: "Bifoga filer (om du vill)",
    fileRefused: "Vi kan inte ta emot filen bild.png.",
    download: "Ladda ner kvitto-sv.pdf",
    text: "Jag beställde två lampor men fick bara en. Den andra kom aldrig.",
    check: "Kolla dina svar",
    send: "Skicka",
    sent: "Tack. Vi har fått det du skrev.",
    paused: "Ärendet är pausat",
    rest: /Resten, [\d\s,]+\skr, kan du betala som vanligt\./u,
    answerBy: /svarar senast \d{1,2} \p{L}+ \d{4}/u,
    staffTitle: "Invändningar",
    reject: "Avslå: kravet står fast",
    reason: "Motivering till personen (krävs vid avslag)",
    save: "Spara beslutet",
    reasonRequired: "Skriv en motivering. Personen ska få veta varför.",
    decided: "Beslutet är sparat. Personen får besked.",
    staffReason: "Vi har kvitto på att båda lamporna lämnades ut den 2 oktober.",
    resumes: /Svara oss senast \d{1,2} \p{L}+ \d{4}\. Fram till dess är ärendet pausat\. Från \d{1,2} \p{L}+ \d{4} går det vidare som vanligt\./u,
    history: /Vi har svarat på det du skrev/,
  },
  en: {
    person: "Oskar Lund",
    caseNumber: /004901/,
    creditor: /Hemma & Handla/,
    link: "Tell us the claim is wrong",
    continue: "Continue",
    reasonError: "Choose what is wrong.",
    wrongAmount: "The amount is wrong",
    cantPay: "The claim is right, but I cannot pay now",
    cantPayHeading: "We will help you find a way",
    budget: "Get free help with your budget",
    otherAnswer: "Choose another answer",
    part: "Part of the amount",
    amount: "Amount in kronor",
    tooLarge: /The amount can be at most/,
    describe: "What happened?",
    describeError: "Write what happened.",
    files: "Attach files (optional)",
    fileRefused: "We cannot accept the file bild.png.",
    download: "Download kvitto-en.pdf",
    text: "I ordered two lamps but only one arrived. The other never came.",
    check: "Check your answers",
    send: "Send",
    sent: "Thank you. We have received what you wrote.",
    paused: "The case is paused",
    rest: /You can pay the rest, SEK\s[\d,.]+, as usual\./u,
    answerBy: /will answer by \d{1,2} \p{L}+ \d{4}/u,
    staffTitle: "Disputes",
    reject: "Reject: the claim stands",
    reason: "Reason for the person (required to reject)",
    save: "Save the decision",
    reasonRequired: "Write a reason. The person must be told why.",
    decided: "The decision is saved. The person will be told.",
    staffReason: "We have a receipt showing both lamps were handed over on 2 October.",
    resumes: /Answer us by \d{1,2} \p{L}+ \d{4}\. Until then the case stays paused\. From \d{1,2} \p{L}+ \d{4} it goes on as usual\./u,
    history: /We answered what you wrote/,
  },
};
type Texts = (typeof L)["sv"];

async function readDownload(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Presses Tab until the element has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

/** Either by mouse, or by keyboard alone. */
function driver(page: Page, keyboard: boolean) {
  return {
    press: async (target: Locator) => {
      if (!keyboard) return target.click();
      await tabTo(page, target);
      await page.keyboard.press("Enter");
    },
    choose: async (target: Locator) => {
      if (!keyboard) return target.check();
      // Tab into the radio group (it takes focus on its checked radio, or the first one).
      const name = await target.getAttribute("name");
      for (let i = 0; i < 60 && !(await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name)); i++) await page.keyboard.press("Tab");
      // Arrow keys move within a radio group; stop at the one wanted.
      for (let i = 0; i < 6 && !(await target.isChecked()); i++) await page.keyboard.press("ArrowDown");
      if (!(await target.isChecked())) await page.keyboard.press("Space");
      await expect(target).toBeChecked();
    },
    fill: async (target: Locator, text: string) => {
      if (!keyboard) return target.fill(text);
      await tabTo(page, target);
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.type(text);
    },
  };
}

async function rejectAsStaff(browser: Browser, l: Texts, lang: "sv" | "en", receipt: Buffer) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await useLanguage(page, lang);
  await signInOnPhone(page, "Eva Strand", "/staff/login");
  await page.waitForURL(/\/staff$/);
  await page.getByRole("link", { name: l.staffTitle }).click();
  await page.waitForURL(/\/staff\/disputes$/);
  await expectAccessible(page, `${lang}: staff disputes`);
  await page.getByRole("link", { name: l.caseNumber }).click();
  await page.waitForURL(/\/staff\/disputes\/[0-9a-f-]{36}$/);
  await expectAccessible(page, `${lang}: staff dispute`);
  // The person's receipt is there, byte for byte.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: l.download }).click()]);
  expect(Buffer.compare(await readDownload(download), receipt)).toBe(0);
  await page.getByLabel(l.reject).check();
  await page.getByRole("button", { name: l.save }).click();
  await expect(page.getByRole("alert")).toContainText(l.reasonRequired);
  await expectAccessible(page, `${lang}: staff dispute error`);
  await page.getByLabel(l.reject).check();
  await page.getByLabel(l.reason).fill(l.staffReason);
  await page.getByRole("button", { name: l.save }).click();
  await expect(page.getByText(l.decided)).toBeVisible();
  await expectAccessible(page, `${lang}: staff decided`);
  await context.close();
}

for (const lang of ["sv", "en"] as const) {
  const l = L[lang];
  const keyboard = lang === "sv";
  test(`${lang}: a dispute pauses the case; staff reject it; the debtor sees the reason and the date it resumes${keyboard ? " (keyboard only)" : ""}`, async ({ page, browser }) => {
    test.setTimeout(300_000);
    const d = driver(page, keyboard);
    await useLanguage(page, lang);
    await signInOnPhone(page, l.person);
    await page.waitForURL(/\/cases/);
    if (!/\/cases\/[0-9a-f-]{36}$/.test(page.url())) await d.press(page.getByRole("link", { name: l.creditor }).first());
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();

    await d.press(page.getByRole("link", { name: l.link }));
    await page.waitForURL(/\/dispute$/);
    await expectAccessible(page, `${lang}: what is wrong`);
    await d.press(page.getByRole("button", { name: l.continue }));
    await expect(page.getByRole("alert")).toContainText(l.reasonError);
    await expect(page).toHaveTitle(lang === "sv" ? /^Fel: / : /^Error: /);
    await expectAccessible(page, `${lang}: what is wrong, error`);

    if (!keyboard) {
      // "I can't pay" is not a dispute: it leads to plans, more time and free budget advice.
      await d.choose(page.getByLabel(l.cantPay));
      await d.press(page.getByRole("button", { name: l.continue }));
      await expect(page.getByRole("heading", { name: l.cantPayHeading })).toBeVisible();
      await expect(page.getByRole("link", { name: l.budget })).toHaveAttribute("href", /budget-och-skuldradgivning/);
      await expectAccessible(page, `${lang}: cannot pay`);
      await d.press(page.getByRole("link", { name: l.otherAnswer }));
      await page.waitForURL(/\/dispute$/);
    }

    await d.choose(page.getByLabel(l.wrongAmount));
    await d.press(page.getByRole("button", { name: l.continue }));
    await page.waitForURL(/\/dispute\/amount/);
    await expectAccessible(page, `${lang}: amount`);
    await d.choose(page.getByLabel(l.part));
    await d.fill(page.getByLabel(l.amount, { exact: true }), "999999");
    await d.press(page.getByRole("button", { name: l.continue }));
    await expect(page.getByRole("alert")).toContainText(l.tooLarge);
    // What was typed is kept.
    await expect(page.getByLabel(l.amount, { exact: true })).toHaveValue("999999");
    await expectAccessible(page, `${lang}: amount, error`);
    await d.fill(page.getByLabel(l.amount, { exact: true }), "500");
    await d.press(page.getByRole("button", { name: l.continue }));
    await page.waitForURL(/\/dispute\/describe/);
    expect(page.url()).not.toContain("lampor");
    await expectAccessible(page, `${lang}: describe`);

    await d.press(page.getByRole("button", { name: l.continue }));
    await expect(page.getByRole("alert")).toContainText(l.describeError);
    await expectAccessible(page, `${lang}: describe, error`);
    await d.fill(page.getByLabel(l.describe), l.text);
    // A web page named .png is refused by its content; the words written are kept.
    await page.getByLabel(l.files).setInputFiles({ name: "bild.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><title>x</title>") });
    await d.press(page.getByRole("button", { name: l.continue }));
    await expect(page.getByRole("alert")).toContainText(l.fileRefused);
    await expect(page.getByLabel(l.describe)).toHaveValue(l.text);
    await expectAccessible(page, `${lang}: describe, file refused`);
    const receipt = await receiptPdf(`Kvitto ${lang}`);
    await page.getByLabel(l.files).setInputFiles({ name: `kvitto-${lang}.pdf`, mimeType: "application/pdf", buffer: receipt });
    await d.press(page.getByRole("button", { name: l.continue }));
    await page.waitForURL(/\/dispute\/check$/);
    await expect(page.getByRole("heading", { name: l.check })).toBeVisible();
    await expect(page.getByText(l.text)).toBeVisible();
    await expect(page.getByText(`kvitto-${lang}.pdf`)).toBeVisible();
    await expectAccessible(page, `${lang}: check`);
    await d.press(page.getByRole("button", { name: l.send, exact: true }));

    await page.waitForURL(/\/cases\/[0-9a-f-]{36}\?disputed=1$/);
    await expect(page.getByText(l.sent)).toBeVisible();
    const paused = page.getByRole("region", { name: l.paused });
    await expect(paused).toContainText(l.answerBy);
    await expect(paused).toContainText(l.rest);
    await expectAccessible(page, `${lang}: paused case`);

    await rejectAsStaff(browser, l, lang, receipt);

    await page.goto(caseUrl);
    const answered = page.getByRole("region", { name: l.paused });
    await expect(answered).toContainText(l.staffReason);
    await expect(answered).toContainText(l.resumes);
    await expect(page.getByText(l.history)).toBeVisible();
    await expectAccessible(page, `${lang}: answered case`);
  });
}
