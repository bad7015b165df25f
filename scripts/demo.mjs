// `npm run demo`: install what is missing, build, and start the portal with embedded PGlite,
// demo data and the simulators on http://localhost:3000 (or $PORT).
import { spawn } from "node:child_process";
import { ensureInstall } from "./ensure-install.mjs";

const started = Date.now();
ensureInstall();
const { buildIfNeeded } = await import("./build-if-needed.mjs");
buildIfNeeded();

const port = process.env.PORT ?? "3000";
const child = spawn(process.execPath, ["scripts/serve.mjs"], {
  stdio: "inherit",
  env: { ...process.env, KVITT_DEMO: "1", NEXT_TELEMETRY_DISABLED: "1", PORT: port },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

// Wake the server so the database is created and seeded before the first visitor arrives.
const url = `http://localhost:${port}/api/health`;
for (let i = 0; i < 240; i++) {
  await new Promise((r) => setTimeout(r, 500));
  try {
    const res = await fetch(url);
    if (res.ok) {
      console.info(`\nKvitt is ready on http://localhost:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      console.info(`Simulated BankID app: http://localhost:${port}/sim/bankid\n`);
      break;
    }
  } catch {
    // not up yet
  }
}
child.on("exit", (code) => process.exit(code ?? 0));
