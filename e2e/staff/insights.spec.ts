import type { Page } from "@playwright/test";
import { expect, expectAccessible, signInOnPhone, test, useLanguage } from "../fixtures";

async function signInAsSupervisor(page: Page) {
  await signInOnPhone(page, "Peter Holm", "/staff/login");
  await page.waitForURL(/\/staff$/);
}

test.describe("insights at 1280 px", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("a supervisor reads the dashboard, filters it, downloads the CSV, starts and stops an experiment", async ({ page }) => {
    test.setTimeout(240_000);
    await signInAsSupervisor(page);
    await page.getByRole("link", { name: "Insikter" }).click();
    await page.waitForURL(/\/staff\/insights$/);
    await expect(page.getByRole("heading", { name: "Insikter", level: 1 })).toBeVisible();

    // Every chart is a picture with a summary in words, and has its table.
    const channel = page.getByRole("region", { name: "Betalt efter kanal", exact: true });
    await expect(channel.getByRole("img")).toHaveAttribute("aria-label", /Kivra: \d+\s%/);
    await expect(channel.getByRole("table")).toContainText("Kivra");
    const charts = page.getByRole("main").getByRole("img");
    const tables = page.getByRole("main").getByRole("table");
    expect(await charts.count()).toBeGreaterThanOrEqual(9);
    expect(await tables.count()).toBe(await charts.count());
    // The demo's people behave as the sources say: most Kivra letters are paid within five days,
    // and young people pay far more often when the due date is after payday.
    const kivra5 = Number((await channel.getByRole("row", { name: /Kivra/ }).getByRole("cell").nth(1).textContent())!.match(/(\d+)\s%/)![1]);
    expect(kivra5).toBeGreaterThan(45);
    const young = page.getByRole("region", { name: "18–25 år: förfallodag och lönedag", exact: true });
    const share30 = async (row: RegExp) => Number((await young.getByRole("row", { name: row }).getByRole("cell").nth(3).textContent())!.match(/(\d+)\s%/)![1]);
    expect((await share30(/Efter den 25:e/)) - (await share30(/Före den 25:e/))).toBeGreaterThan(25);
    await expectAccessible(page, "insights");

    // Filter to one creditor and a range: a plain GET form.
    const filters = page.getByRole("form", { name: "Urval" });
    await filters.getByLabel("Uppdragsgivare").selectOption({ label: "Norrsken Mobil AB" });
    await filters.getByLabel("Första brev från och med").fill("2026-01-01");
    await filters.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/creditor=[0-9a-f-]{36}/);
    await expect(page).toHaveURL(/from=2026-01-01/);
    const byCreditor = page.getByRole("region", { name: "Betalt efter uppdragsgivare", exact: true }).getByRole("table");
    await expect(byCreditor.getByRole("row")).toHaveCount(2);
    await expect(byCreditor).toContainText("Norrsken Mobil AB");

    // The CSV has the same filters and the same figures.
    const href = await page.getByRole("link", { name: "Ladda ner tabellerna som CSV" }).getAttribute("href");
    expect(href).toMatch(/creditor=/);
    const csv = await page.request.get(href!);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain("section,group,measure,n,count,share,low_95,high_95");
    expect(text).toMatch(/creditor,Norrsken Mobil AB,paid_within_14_days,\d+,\d+/);

    // Start an experiment: reminders 3 or 5 days before the due date at the landlord.
    await page.goto("/staff/insights");
    const start = page.locator("form").filter({ has: page.getByRole("heading", { name: "Påminnelse ett antal dagar före förfallodagen" }) });
    await start.getByLabel("Uppdragsgivare").selectOption({ label: "Bostads AB Tallbacken" });
    await start.getByLabel("Variant A").fill("3");
    await start.getByLabel("Variant B").fill("5");
    await start.getByRole("button", { name: "Starta försöket" }).click();
    await expect(page.getByText("Försöket är startat.")).toBeVisible();
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Bostads AB Tallbacken: påminnelse före förfallodagen · Pågår" }) });
    await expect(card).toContainText("För få ärenden än");
    await expect(card.getByRole("table")).toContainText("5 dagar före");
    await expectAccessible(page, "insights with a new experiment");

    // A second one for the same creditor is refused in words.
    await start.getByLabel("Uppdragsgivare").selectOption({ label: "Bostads AB Tallbacken" });
    await start.getByRole("button", { name: "Starta försöket" }).click();
    await expect(page.getByRole("alert")).toContainText("Ett försök pågår redan");

    // Stop it and make version B the policy.
    await card.getByLabel("Variant B: 5 dagar före").check();
    await card.getByRole("button", { name: "Avsluta försöket" }).click();
    await expect(page.getByText("Försöket är avslutat och den valda varianten är nu policy.")).toBeVisible();
    // Running first, then the newest stopped: this one.
    const stopped = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Bostads AB Tallbacken: påminnelse före förfallodagen · Avslutat" }) }).first();
    await expect(stopped).toContainText("Variant B blev policy");

    // The change is in the audit, by Peter.
    await page.goto("/staff/audit?action=experiment.");
    await expect(page.getByRole("table")).toContainText("experiment.stopped");
  });

  test("in English too, and axe-clean", async ({ page }) => {
    test.setTimeout(180_000);
    await useLanguage(page, "en");
    await signInAsSupervisor(page);
    await page.goto("/staff/insights");
    await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
    await expect(page.getByRole("region", { name: "Paid by channel", exact: true }).getByRole("table")).toContainText("Kivra");
    await expectAccessible(page, "insights in English");
  });
});

test.describe("insights at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the dashboard works on a phone-sized screen and is axe-clean", async ({ page }) => {
    test.setTimeout(180_000);
    await signInAsSupervisor(page);
    await page.goto("/staff/insights");
    await expect(page.getByRole("heading", { name: "Insikter", level: 1 })).toBeVisible();
    // Nothing wider than the screen but the tables, which scroll in their own region.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, "insights at 390 px");
  });

  test("an agent is not shown the page", async ({ page }) => {
    await signInOnPhone(page, "Maria Svensson", "/staff/login");
    await page.waitForURL(/\/staff$/);
    await expect(page.getByRole("link", { name: "Insikter" })).toHaveCount(0);
    await page.goto("/staff/insights");
    await expect(page).toHaveURL(/\/staff$/);
    const csv = await page.request.get("/staff/insights/export");
    expect(csv.status()).toBe(403);
  });
});
