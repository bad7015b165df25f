import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

test.describe("what do I owe, and why", () => {
  test("Swedish: cases, a case's breakdown, letters, debt-free date and help", async ({ page }) => {
    await signInOnPhone(page, "Erik Johansson");
    await page.waitForURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har 3 ärenden hos oss");
    await expect(page.getByText("Kvar att betala totalt")).toBeVisible();
    await expectAccessible(page, "cases sv");

    await page.getByRole("link", { name: "Visa ärendet från Norrsken Mobil AB" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("kvar att betala till Norrsken Mobil AB");
    // The tab and the history name the case itself: creditor, what is left, and the portal.
    const left = (await page.getByRole("heading", { level: 1 }).textContent())!.match(/[\d\s\u00a0]+,\d{2}\s*kr/)![0].trim();
    await expect(page).toHaveTitle(`Norrsken Mobil AB – ${left} – Kvitt`);
    await expect(page.getByRole("heading", { name: "Vad har hänt?" })).toBeVisible();
    const table = page.getByRole("table", { name: "Vad du ska betala, del för del" });
    await expect(table.getByRole("rowheader", { name: /Inkassoavgift/ })).toContainText("högst 180 kr");
    await expect(table.getByRole("rowheader", { name: /Ränta/ })).toContainText("per dag");
    await expect(page.getByRole("heading", { name: "Vad händer nu?" })).toBeVisible();
    await expect(page.getByText("OCR-nummer")).toBeVisible();
    await expectAccessible(page, "case sv");

    const pdf = await page.request.get((await page.getByRole("link", { name: /Inkassokrav/ }).getAttribute("href"))!);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.goto("/debt-free?amount=abc");
    await expect(page).toHaveTitle(/^Fel: /);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Skriv ett belopp i kronor");
    await expect(page.getByLabel("Belopp per månad, i kronor")).toHaveValue("abc");
    await page.getByLabel("Belopp per månad, i kronor").fill("1500");
    await page.getByRole("button", { name: "Räkna ut" }).click();
    await expect(page.getByText(/Om du betalar 1\s500\skr i månaden är du skuldfri i/)).toBeVisible();
    await expect(page.getByRole("img", { name: /^Kvar att betala månad för månad, från .+\. Den streckade linjen visar 500\skr i månaden\. Då är du skuldfri i .+\.$/ })).toBeVisible();
    await expectAccessible(page, "debt-free sv");

    await page.goto("/help");
    await page.getByText("Är det här på riktigt?").click();
    await expect(page.getByText("Ja. Vi är ett inkassobolag.", { exact: false })).toBeVisible();
    await expectAccessible(page, "help sv");
  });

  test("English: the same pages, written in English", async ({ page }) => {
    await signInOnPhone(page, "Sara Nilsson");
    await page.waitForURL(/\/cases$/);
    await page.getByRole("button", { name: "In English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have 2 cases with us");
    await expectAccessible(page, "cases en");
    await page.getByRole("link", { name: "View the case from Studiekassan Lån AB" }).click();
    await expect(page.getByRole("heading", { name: "How we worked it out" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/You have SEK\s[\d,.]+ left to pay to Studiekassan Lån AB/);
    await expect(page).toHaveTitle(/^Studiekassan Lån AB – SEK\s[\d,.]+ – Kvitt$/);
    await expectAccessible(page, "case en");
    await page.goto("/debt-free?amount=800");
    await expect(page.getByText(/If you pay SEK\s800 a month, you will be debt-free in/)).toBeVisible();
    await expectAccessible(page, "debt-free en");
    await page.goto("/help");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions and answers");
    await expectAccessible(page, "help en");
  });

  test("a disputed case is paused, and a case close to a payment order says so once, calmly", async ({ page }) => {
    await signInOnPhone(page, "Lena Berg");
    await page.waitForURL(/\/cases$/);
    await expect(page.getByText("Pausat")).toBeVisible();
    await page.getByRole("link", { name: /Visa ärendet/ }).click();
    await expect(page.getByText("Du har invänt mot kravet.", { exact: false })).toBeVisible();
    await expectAccessible(page, "disputed case");
  });

  test("a deep link from a message lands on that case after sign-in", async ({ page }) => {
    await page.goto("/l/demo-johan");
    await page.waitForURL(/\/login$/);
    await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
    await page.waitForURL(/\/sim\/bankid\/app/);
    await page.getByLabel(/Johan Karlsson/).check();
    await page.getByRole("button", { name: "Identifiera" }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByText("Vi kan snart ansöka om betalningsföreläggande hos Kronofogden.", { exact: false })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).not.toContainText("Kronofogden");
  });

  test("an unknown link is not an error", async ({ page }) => {
    await page.goto("/l/not-a-real-link");
    await page.waitForURL(/\/login\?reason=link/);
    await expect(page.getByText("Länken gick inte att använda.", { exact: false })).toBeVisible();
  });
});
