// Builds the app unless the last build is newer than every source file.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "public", "server", "i18n", "messages", "drizzle", "next.config.ts", "package-lock.json", "postcss.config.mjs", "proxy.ts", "instrumentation.ts"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIfNeeded({ force = false } = {}) {
  const buildId = ".next/BUILD_ID";
  const fresh = existsSync(buildId) && statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestMtime));
  if (fresh && !force) {
    console.info("The build is up to date.");
    return;
  }
  console.info("Building …");
  const started = Date.now();
  execSync("npx next build", { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  console.info(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded({ force: process.argv.includes("--force") });
