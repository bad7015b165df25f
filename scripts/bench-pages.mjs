// Prints the first-load JavaScript (gzipped) of the debtor pages, and Lighthouse scores when the
// `lighthouse` CLI is available. Needs a running portal in demo mode (npm run demo), or BASE_URL.
//   node scripts/bench-pages.mjs [--base http://localhost:3000]
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const base = process.argv.includes("--base") ? process.argv[process.argv.indexOf("--base") + 1] : (process.env.BASE_URL ?? "http://localhost:3000");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const context = await browser.newContext({ locale: "sv-SE", viewport: { width: 390, height: 844 }, userAgent: "Mozilla/5.0 (Linux; Android 14) Mobile" });
const page = await context.newPage();

async function measure(name, go) {
  const scripts = new Map();
  const onResponse = async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(response.url(), gzipSync(await response.body()).length);
    } catch {
      // redirects and aborted requests carry no body
    }
  };
  page.on("response", onResponse);
  const started = Date.now();
  await go();
  await page.waitForLoadState("networkidle");
  const ms = Date.now() - started;
  page.off("response", onResponse);
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.info(`${name.padEnd(22)} first-load JS ${(total / 1024).toFixed(1).padStart(6)} KB gzipped in ${String(scripts.size).padStart(2)} files, loaded in ${ms} ms`);
  return page.url();
}

await measure("start page", () => page.goto(`${base}/`));
await measure("help", () => page.goto(`${base}/help`));
await measure("login", () => page.goto(`${base}/login`));
const t0 = Date.now();
await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
await page.waitForURL(/sim\/bankid\/app/);
await page.getByLabel(/Erik Johansson/).check();
await page.getByRole("button", { name: "Identifiera" }).click();
await page.waitForURL(/\/cases$/);
console.info(`sign-in (simulated BankID, from "Logga in" to the signed-in page): ${Date.now() - t0} ms`);
await context.clearCookies({ name: "kvitt-lang" });
const casesUrl = page.url();
await measure("cases overview", () => page.goto(casesUrl));
const caseHref = await page.getByRole("link", { name: /Visa ärendet/ }).first().getAttribute("href");
await measure("case page", () => page.goto(`${base}${caseHref}`));
await measure("debt-free", () => page.goto(`${base}/debt-free?amount=1500`));
await browser.close();

try {
  execFileSync("npx", ["--no-install", "lighthouse", "--version"], { stdio: "ignore" });
  for (const path of ["/", "/help"]) {
    const out = execFileSync("npx", ["--no-install", "lighthouse", `${base}${path}`, "--quiet", "--output=json", "--only-categories=performance,accessibility", `--chrome-path=${executablePath}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu"], { maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(out.toString());
    console.info(`lighthouse ${path.padEnd(8)} performance ${Math.round(report.categories.performance.score * 100)}, accessibility ${Math.round(report.categories.accessibility.score * 100)}`);
  }
} catch {
  console.info("lighthouse: not installed here (npm i -D lighthouse to add scores)");
}
