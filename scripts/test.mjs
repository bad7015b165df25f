// `npm test`: installs what is missing, then lint, type check, unit, integration and end-to-end tests.
import { execSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
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
// Steps in one group share nothing and run side by side (the checks keep one core busy each, the
// integration tests wait mostly on the database while the app builds); the groups run in order.
const groups = [
  [
    ["lint", "npx eslint --max-warnings=0 ."],
    ["type check", "npx tsc --noEmit"],
    ["unit tests", "npx vitest run --project unit"],
  ],
  [
    ["integration tests", "npx vitest run --project integration"],
    // The type check above has covered every file, so the build skips its own (next.config.ts).
    ["build", "KVITT_TYPES_CHECKED=1 node scripts/build-if-needed.mjs"],
  ],
  [["end-to-end tests", "npx playwright test"]],
  // Every step's output (the e2e server's too) is kept in .data/test-logs and searched last.
  [["personal numbers in logs", "node scripts/scan-logs.mjs .data/test-logs"]],
];
const logDir = ".data/test-logs";
rmSync(logDir, { recursive: true, force: true });
mkdirSync(logDir, { recursive: true });

/** Runs one step; alone it prints as it goes, beside others its output is printed whole when it ends. */
function run(name, cmd, alone) {
  const started = Date.now();
  console.info(`\n▶ ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, { shell: true, stdio: ["ignore", "pipe", "pipe"], env });
    const log = name === "personal numbers in logs" ? null : createWriteStream(`${logDir}/${name.replaceAll(" ", "-")}.log`);
    const output = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk) => {
        log?.write(chunk);
        if (alone) process.stdout.write(chunk);
        else output.push(chunk);
      });
    }
    child.on("close", (code) => {
      log?.end();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (!alone) {
        console.info(`\n── ${name} ──`);
        process.stdout.write(Buffer.concat(output));
      }
      if (code === 0) console.info(`✔ ${name} (${seconds} s)`);
      else console.error(`✘ ${name} failed (${seconds} s)`);
      resolve(code === 0);
    });
  });
}

const only = process.argv.slice(2);
let failed = 0;
let passed = 0;
for (const group of groups) {
  const chosen = group.filter(([name]) => only.length === 0 || only.some((o) => name.startsWith(o)));
  if (chosen.some(([name]) => name === "end-to-end tests") && !process.env.DATABASE_URL) rmSync(".data/pglite-e2e", { recursive: true, force: true });
  const results = await Promise.all(chosen.map(([name, cmd]) => run(name, cmd, chosen.length === 1)));
  passed += results.filter(Boolean).length;
  failed += results.filter((ok) => !ok).length;
}
console.info(`\nnpm test took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.info(`steps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
