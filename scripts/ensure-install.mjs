// Installs dependencies when node_modules is missing or older than package-lock.json.
import { execSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function ensureInstall() {
  const marker = "node_modules/.package-lock.json";
  const stale =
    !existsSync(marker) ||
    (existsSync("package-lock.json") && statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  console.info("Installing dependencies …");
  // npm install (not npm ci): it honours the lock file and tolerates npm 11 leaving other
  // platforms' optional packages out of it.
  const cmd = "npm install --no-audit --no-fund";
  execSync(cmd, { stdio: "inherit" });
}

if (import.meta.url === `file://${process.argv[1]}`) ensureInstall();
