// Prints the first-load JavaScript (gzipped) of the debtor pages, and Lighthouse scores when the
// `lighthouse` CLI is available. Needs a running portal in demo mode (npm run demo), or BASE_URL.
//   node scripts/bench-pages.mjs [--base http://localhost:3000]
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const base = process.argv.includes("--base") ? process.argv[process.argv.indexOf("--base") + 1] : (process.env.BASE_URL ?? "http://localhost:3000");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const options = { locale: "sv-SE", viewport: { width: 390, height: 844 }, userAgent: "Mozilla/5.0 (Linux; Android 14) Mobile" };
const context = await browser.newContext(options);
const page = await context.newPage();

/** One page as a first visit: a new browser context, so nothing is cached, with the same cookies. */
async function measure(name, path) {
  const fresh = await browser.newContext({ ...options, storageState: await context.storageState() });
  const tab = await fresh.newPage();
  const scripts = new Map();
  tab.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    try {
      scripts.set(response.url(), gzipSync(await response.body()).length);
    } catch {
      // redirects and aborted requests carry no body
    }
  });
  const started = Date.now();
  await tab.goto(`${base}${path}`);
  await tab.waitForLoadState("networkidle");
  const ms = Date.now() - started;
  await fresh.close();
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  console.info(`${name.padEnd(22)} first-load JS ${(total / 1024).toFixed(1).padStart(6)} KB gzipped in ${String(scripts.size).padStart(2)} files, loaded in ${ms} ms`);
}

await measure("start page", "/");
await measure("help", "/help");
await measure("login", "/login");
await measure("staff login", "/staff/login");
await page.goto(`${base}/login`);
const t0 = Date.now();
await page.getByRole("button", { name: "Öppna BankID på den här enheten" }).click();
await page.waitForURL(/sim\/bankid\/app/);
await page.getByLabel(/Erik Johansson/).check();
await page.getByRole("button", { name: "Identifiera" }).click();
await page.waitForURL(/\/cases$/);
console.info(`sign-in (simulated BankID, from "Logga in" to the signed-in page): ${Date.now() - t0} ms`);
await context.clearCookies({ name: "kvitt-lang" });
const casesUrl = page.url();
await measure("cases overview", new URL(casesUrl).pathname);
const caseHref = await page.getByRole("link", { name: /Visa ärendet/ }).first().getAttribute("href");
await measure("case page", caseHref);
await measure("debt-free", "/debt-free?amount=1500");
const caseId = caseHref.split("/").pop();
await measure("pay", `/pay?case=${caseId}`);
await measure("pay by bank transfer", `/pay/bank?case=${caseId}`);
await measure("plan: which cases", `/plans/new?cases=${caseId}`);
await measure("plan: amount (live)", `/plans/new/amount?cases=${caseId}&by=months&months=3`);
await measure("plan: day", `/plans/new/day?cases=${caseId}&by=months&months=3`);
await measure("plan: method", `/plans/new/method?cases=${caseId}&by=months&months=3&day=26`);
await measure("plan: check", `/plans/new/check?cases=${caseId}&by=months&months=3&day=26&method=bankgiro`);
await measure("plan: request", `/plans/new/request?cases=${caseId}&by=months&months=40&day=26&method=bankgiro`);
await measure("postpone", `${caseHref}/postpone`);
// The Swish status page: a payment started from the pay form, left open (it expires by itself).
await page.goto(`${base}/pay?case=${caseId}`);
await page.getByLabel(/^Swish/).check();
await page.getByRole("button", { name: "Fortsätt" }).click();
await page.waitForURL(/\/payments\/[0-9a-f-]{36}/);
await measure("payment status (Swish)", new URL(page.url()).pathname);
// The signed-in session, for Lighthouse to load the overview and the case page as Erik does.
const cookie = (await context.cookies(base)).map((c) => `${c.name}=${c.value}`).join("; ");
await browser.close();

// Lighthouse (mobile: a mid-range phone on a slow 4G link, simulated) on the pages the debtor
// reads most. It runs from the project's own install or an `npx` download of the CLI.
const lighthouse = lighthouseCommand();
if (!lighthouse) {
  console.info("lighthouse: not available (npm i -g lighthouse, or let npx fetch it)");
} else {
  const pages = [
    ["start page", "/"],
    ["help", "/help"],
    ["login", "/login", ""],
    ["cases overview", new URL(casesUrl).pathname],
    ["case page", caseHref],
    ["pay", `/pay?case=${caseId}`],
  ];
  // Lighthouse varies from run to run on a shared machine; as its docs advise, each page is run
  // several times and the run with the median performance score is the one reported.
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
  for (const [name, path, pageCookie = cookie] of pages) {
    const reports = [];
    for (let i = 0; i < runs + 2 && reports.length < runs; i++) {
      try {
        reports.push(runLighthouse(lighthouse, `${base}${path}`, pageCookie));
      } catch {
        // a failed trace (NO_NAVSTART and the like) is run again
      }
    }
    reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const report = reports[Math.floor(reports.length / 2)];
    const scores = reports.map((r) => Math.round(r.categories.performance.score * 100)).join(", ");
    const audit = (id) => report.audits[id]?.displayValue ?? "–";
    const failed = Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && report.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
      .map((a) => a.id);
    console.info(
      `lighthouse ${name.padEnd(15)} performance ${Math.round(report.categories.performance.score * 100)}, accessibility ${Math.round(report.categories.accessibility.score * 100)}` +
        ` (FCP ${audit("first-contentful-paint")}, LCP ${audit("largest-contentful-paint")}, TBT ${audit("total-blocking-time")}, CLS ${audit("cumulative-layout-shift")};` +
        ` performance in ${reports.length} runs: ${scores})` +
        (failed.length ? `; accessibility audits failed: ${failed.join(", ")}` : ""),
    );
  }
}

function runLighthouse(command, url, cookie) {
  const out = execFileSync(
    command[0],
    [
      ...command.slice(1),
      url,
      "--quiet",
      "--output=json",
      "--only-categories=performance,accessibility",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
      `--chrome-path=${executablePath}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
    ],
    { maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] },
  );
  return JSON.parse(out.toString());
}

function lighthouseCommand() {
  for (const command of [["npx", "--no-install", "lighthouse"], ["npx", "--yes", "lighthouse@13"]]) {
    try {
      execFileSync(command[0], [...command.slice(1), "--version"], { stdio: "ignore", timeout: 180_000 });
      return command;
    } catch {
      // not installed, or no registry to fetch it from
    }
  }
  return null;
}
