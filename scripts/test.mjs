// `npm test`: installs what is missing, then lint, type check, unit, integration and end-to-end tests.
import { execSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { ensureInstall } from "./ensure-install.mjs";

const t0 = Date.now();
ensureInstall();

function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync("/usr/bin/chromium")) return;
  if (process.getuid?.() === 0) {
    console.info("Installing Debian's chromium for the end-to-end tests …");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  } else {
    console.warn("No /usr/bin/chromium and not root: Playwright's own browser is used if installed.");
  }
}
ensureChromium();

const env = { ...process.env, TZ: "UTC", NEXT_TELEMETRY_DISABLED: "1" };
const steps = [
  ["lint", "npx eslint --max-warnings=0 ."],
  ["type check", "npx tsc --noEmit"],
  ["unit tests", "npx vitest run --project unit"],
  ["integration tests", "npx vitest run --project integration"],
  ["build", "node scripts/build-if-needed.mjs"],
  ["end-to-end tests", "npx playwright test"],
  // Every step's output (the e2e server's too) is kept in .data/test-logs and searched last.
  ["personal numbers in logs", "node scripts/scan-logs.mjs .data/test-logs"],
];
const logDir = ".data/test-logs";
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });

const only = process.argv.slice(2);
let failed = 0;
let passed = 0;
for (const [name, cmd] of steps) {
  if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
  if (name === "end-to-end tests" && !process.env.DATABASE_URL) rmSync(".data/pglite-e2e", { recursive: true, force: true });
  const started = Date.now();
  console.info(`\n▶ ${name}`);
  const log = `${logDir}/${name.replaceAll(" ", "-")}.log`;
  const logged = name === "personal numbers in logs" ? cmd : `${cmd} 2>&1 | tee ${log}`;
  const result = spawnSync("bash", ["-o", "pipefail", "-c", logged], { stdio: "inherit", env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    passed += 1;
    console.info(`✔ ${name} (${seconds} s)`);
  } else {
    failed += 1;
    console.error(`✘ ${name} failed (${seconds} s)`);
  }
}
console.info(`\nnpm test took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.info(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
