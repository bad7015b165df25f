import type { Page } from "@playwright/test";
import { makeOcr } from "../../server/domain/ocr";
import { expect, expectAccessible, signInOnPhone, test } from "../fixtures";

/** Ingrid Holmberg is the first person of the demo's working day: her case is number 7001. */
const INGRID_OCR = makeOcr("00007001", { withLength: true });

async function signInAsStaff(page: Page, name: string) {
  await signInOnPhone(page, name, "/staff/login");
  await page.waitForURL(/\/staff$/);
}

test.describe("the staff workplace at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("an agent takes the oldest overdue item, finds the person by OCR number, reads the timeline and replies with a template", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsStaff(page, "Maria Svensson");
    await expect(page.getByRole("heading", { name: "Arbetskö" })).toBeVisible();
    await expectAccessible(page, "queue");

    // Due first is on top: the oldest overdue item is the first row, and it is overdue.
    const first = page.getByRole("table").getByRole("row").nth(1);
    await expect(first).toContainText("Försenad");
    await expect(first).toContainText("Ingrid Holmberg");
    await first.getByRole("button", { name: /^Ta / }).click();
    await page.waitForURL(/\/staff\/debtors\/[0-9a-f-]{36}\?item=/);
    await expectAccessible(page, "debtor screen from the queue");

    // One box finds her by the OCR number on her letter.
    await page.goto("/staff/search");
    await page.getByLabel("Sök", { exact: true }).fill(INGRID_OCR);
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page.getByText("Träff på OCR-nummer")).toBeVisible();
    await expectAccessible(page, "search by OCR");
    await page.getByRole("link", { name: /Ingrid Holmberg/ }).first().click();
    await page.waitForURL(/\/staff\/debtors\/[0-9a-f-]{36}/);

    // The timeline tells her story: the letter, the link she opened, what she wrote.
    const timeline = page.getByRole("region", { name: "Händelser" });
    await expect(timeline).toContainText("Skrev till oss");
    await expect(timeline).toContainText("Öppnade länken");
    // The personal number is masked until someone asks, with a reason.
    await expect(page.getByText(/\d{8}-\*{4}/).first()).toBeVisible();
    await expectAccessible(page, "debtor screen");

    await page.getByRole("link", { name: "Öppna: Meddelande" }).click();
    await page.waitForURL(/\/staff\/talk\/threads\/[0-9a-f-]{36}/);
    await expect(page.getByText("Hej. Jag betalade i förra veckan men det syns inte.")).toBeVisible();
    await page.getByLabel("Svarsmall").selectOption({ index: 0 });
    await page.getByRole("button", { name: "Fyll i mallen" }).click();
    const reply = page.getByLabel("Svar", { exact: true });
    await expect(reply).toHaveValue(/Ingrid/);
    await expectAccessible(page, "thread with a template filled in");
    await page.getByRole("button", { name: "Skicka svar" }).click();
    await expect(page.getByText("Svaret är skickat. Personen får ett meddelande.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Meddelanden" }).getByRole("listitem")).toHaveCount(2);
  });

  test("a supervisor changes a policy and reads the audit of that session", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsStaff(page, "Peter Holm");
    await page.goto("/staff/policies");
    await expectAccessible(page, "policies");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Spara ny version för Norrsken Mobil AB" }) });
    await form.getByLabel("Längsta plan (månader)").fill("18");
    await form.getByLabel("Varför ändras policyn?").fill("Nytt avtal med uppdragsgivaren");
    await form.getByRole("button", { name: "Spara ny version för Norrsken Mobil AB" }).click();
    await expect(page.getByText("Policyn är sparad som en ny version.")).toBeVisible();

    await page.goto("/staff/audit");
    await page.getByLabel("Person i personalen").selectOption({ label: "Peter Holm" });
    await page.getByRole("button", { name: "Visa" }).click();
    const log = page.getByRole("table");
    await expect(log).toContainText("policy.changed");
    await expectAccessible(page, "audit");
    const csv = await page.request.get(await page.getByRole("link", { name: "Ladda ner som CSV" }).getAttribute("href").then((h) => h!));
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    expect(await csv.text()).toContain("policy.changed");
  });
});

test("every staff page passes axe at 390 px and at 1280 px", async ({ page }) => {
  test.setTimeout(240_000);
  await signInAsStaff(page, "Sofia Lind");
  const pages = ["/staff", "/staff/search?q=Holmberg", "/staff/talk", "/staff/disputes", "/staff/payments", "/staff/plans", "/staff/payments/import", "/staff/templates", "/staff/policies", "/staff/insights", "/staff/audit", "/staff/users"];
  await page.goto("/staff/search?q=Holmberg");
  await page.getByRole("link", { name: /Ingrid Holmberg/ }).first().click();
  await page.waitForURL(/\/staff\/debtors\/[0-9a-f-]{36}/);
  pages.push(new URL(page.url()).pathname);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page, `${path} at ${width} px`);
    }
  }
});
