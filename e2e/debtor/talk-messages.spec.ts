import { expect, expectAccessible, receiptPdf, signInOnPhone, test, useLanguage } from "../fixtures";

// Ulla writes and Karin answers: people of this journey only, so it never collides with another.
test.describe.configure({ mode: "serial", timeout: 480_000 });

const words = {
  sv: {
    talk: "Prata med oss",
    write: "Skriv till oss",
    continue: "Fortsätt",
    body: "Ditt meddelande",
    files: "Bifoga filer (om du vill)",
    send: "Skicka",
    refused: "Vi kan inte ta emot filen bild.png. Skicka en PDF, JPEG eller PNG.",
    sent: "Tack. Vi har fått ditt meddelande.",
    promise: /Vi svarar senast \p{L}+dag \d+ \p{L}+\./u,
    unread: "Prata med oss (1 nytt svar)",
    unreadInList: "1 nytt svar",
    threadLink: /Om ärende K-/,
    errorTitle: /^Fel: /,
  },
  en: {
    talk: "Talk to us",
    write: "Write to us",
    continue: "Continue",
    body: "Your message",
    files: "Attach files (optional)",
    send: "Send",
    refused: "We cannot accept the file bild.png. Please send a PDF, JPEG or PNG.",
    sent: "Thank you. We have received your message.",
    promise: /We will answer by \p{L}+day \d+ \p{L}+\./u,
    unread: "Talk to us (1 new reply)",
    unreadInList: "1 new reply",
    threadLink: /About case K-/,
    errorTitle: /^Error: /,
  },
} as const;

for (const lang of ["sv", "en"] as const) {
  test(`${lang}: a message with a receipt, a reply from a case handler, and the person reads it`, async ({ page, browser }) => {
    const w = words[lang];
    await useLanguage(page, lang);
    await signInOnPhone(page, "Ulla Ek");
    await page.waitForURL(/\/cases$/);
    await page.getByRole("link", { name: w.talk, exact: true }).click();
    await page.waitForURL(/\/contact$/);
    await expectAccessible(page, `${lang} contact`);

    await page.getByRole("link", { name: w.write, exact: true }).click();
    await expectAccessible(page, `${lang} what is it about`);
    await page.getByRole("button", { name: w.continue }).click();
    // The first time a new conversation; the second time the one already open.
    await expect(page.getByLabel(w.body)).toBeVisible();
    await expectAccessible(page, `${lang} message form`);

    const text = lang === "sv" ? "Hej. Jag har betalat fakturan. Här är kvittot." : "Hello. I have paid the invoice. Here is the receipt.";
    await page.getByLabel(w.body).fill(text);
    await page.getByLabel(w.files).setInputFiles({ name: "bild.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><title>x</title>") });
    await page.getByRole("button", { name: w.send, exact: true }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: w.refused })).toBeVisible();
    await expect(page).toHaveTitle(w.errorTitle);
    await expect(page.getByLabel(w.body)).toHaveValue(text);
    await expectAccessible(page, `${lang} refused file`);

    const pdf = await receiptPdf(`Receipt ${lang}`);
    await page.getByLabel(w.files).setInputFiles({ name: `kvitto-${lang}.pdf`, mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: w.send, exact: true }).click();
    await expect(page.getByRole("status")).toContainText(w.sent);
    await expect(page.getByRole("status")).toContainText(w.promise);
    const download = page.getByRole("link", { name: new RegExp(`kvitto-${lang}\\.pdf`) }).last();
    await expect(download).toBeVisible();
    await expectAccessible(page, `${lang} sent`);
    const file = await page.request.get((await download.getAttribute("href"))!);
    expect(file.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(await file.body(), pdf)).toBe(0);

    const staffContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const staff = await staffContext.newPage();
    await useLanguage(staff, lang);
    await signInOnPhone(staff, "Karin Dahl", "/staff/login");
    await staff.waitForURL(/\/staff$/);
    await staff.goto("/staff/talk");
    await expectAccessible(staff, `${lang} staff queue`);
    await staff.getByRole("link", { name: /^Ulla Ek – K-/ }).click();
    await expect(staff.getByText(text)).toBeVisible();
    await expect(staff.getByRole("link", { name: new RegExp(`kvitto-${lang}\\.pdf`) })).toBeVisible();
    await expectAccessible(staff, `${lang} staff thread`);
    const reply = lang === "sv" ? "Hej Ulla. Tack, vi har fått kvittot. Ärendet är betalt." : "Hello Ulla. Thank you, we have the receipt. The case is paid.";
    await staff.getByLabel(lang === "sv" ? "Svar" : "Reply", { exact: true }).fill(reply);
    await staff.getByRole("button", { name: lang === "sv" ? "Skicka svar" : "Send reply" }).click();
    await expect(staff.getByRole("status")).toBeVisible();
    await expectAccessible(staff, `${lang} staff replied`);
    await staffContext.close();

    await page.goto("/cases");
    await page.getByRole("link", { name: w.unread }).click();
    await expect(page.getByText(w.unreadInList)).toBeVisible();
    await expectAccessible(page, `${lang} contact with a new reply`);
    await page.getByRole("link", { name: w.threadLink }).click();
    await expect(page.getByText(reply)).toBeVisible();
    await expectAccessible(page, `${lang} thread with the reply`);
    await page.goto("/cases");
    await expect(page.getByRole("link", { name: w.talk, exact: true })).toBeVisible();
  });
}
