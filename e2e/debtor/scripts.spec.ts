import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

// React hoists our `<script async>` tags into the head, and a browser that has the file cached may
// run it before it has read the body. Here each script is loaded without `async` from the head, so
// it always runs first: it must still find the page it is meant for.

const origin = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** Serves `body` at /script-check/<name> with public/<name>.js in its head, all from this test. */
async function pageWithScript(page: Page, name: string, body: string) {
  const source = readFileSync(path.join(process.cwd(), "public", `${name}.js`), "utf8");
  await page.route(`${origin}/script-check/${name}.js`, (route) => route.fulfill({ contentType: "text/javascript", body: source }));
  await page.route(`${origin}/script-check/${name}`, (route) =>
    route.fulfill({
      contentType: "text/html; charset=utf-8",
      body: `<!doctype html><html lang="sv"><head><title>${name}</title><script src="/script-check/${name}.js"></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${origin}/script-check/${name}`);
}

test.describe("our scripts, run before the body is read", () => {
  test("bankid.js sends on an order BankID has answered", async ({ page }) => {
    await page.route(`${origin}/script-check/continued`, (route) => route.fulfill({ contentType: "text/html", body: "<title>continued</title>" }));
    await pageWithScript(
      page,
      "bankid",
      `<div data-bankid-wait="complete" data-order="o"><form data-bankid-continue action="/script-check/continued"><button>Fortsätt</button></form></div>`,
    );
    await page.waitForURL(/\/script-check\/continued/);
  });

  test("preview.js shows the plan's other half while the person types", async ({ page }) => {
    await page.route(`${origin}/script-check/preview-line?**`, (route) => {
      const months = new URL(route.request().url()).searchParams.get("months");
      return route.fulfill({ contentType: "application/json", body: JSON.stringify({ line: `Det blir ${months} månader` }) });
    });
    await pageWithScript(
      page,
      "preview",
      `<form id="f"><label for="m">Antal månader</label><input id="m" name="months"></form><p data-plan-preview="/script-check/preview-line" data-form="f"></p>`,
    );
    await page.getByLabel("Antal månader").fill("7");
    await expect(page.getByText("Det blir 7 månader")).toBeVisible();
  });

  test("wait.js loads the page again once the payment has an answer", async ({ page }) => {
    let loads = 0;
    page.on("load", () => loads++);
    await page.route(`${origin}/api/trpc/debtor.payments.get?**`, (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify({ result: { data: { json: { status: "paid" } } } }) }),
    );
    await pageWithScript(page, "wait", `<p data-wait-payment="r">Väntar på Swish</p>`);
    await expect.poll(() => loads, { timeout: 10_000 }).toBeGreaterThan(1);
  });
});
