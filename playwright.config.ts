import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Files run side by side; the tests in one file run in order. Each file signs in its own people or
  // only reads what others leave alone.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    // A trace helps whoever runs the tests on their own machine; CI keeps only what it prints.
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    // A phone's layout, touch and user agent; drawn at one device pixel per CSS pixel, which lays
    // out the same and costs a seventh of the drawing.
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: "sv-SE", browserName: "chromium" }, testIgnore: /desktop\.spec\.ts/ },
    { name: "desktop", use: { viewport: { width: 1280, height: 900 }, locale: "sv-SE", browserName: "chromium" }, testMatch: /desktop\.spec\.ts/ },
  ],
  webServer: {
    command: "node scripts/serve.mjs",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // The server's own output goes into the test log (searched for personal numbers by npm test).
    stdout: "pipe",
    env: {
      KVITT_DEMO: "1",
      PORT: String(port),
      KVITT_DATA_DIR: ".data/pglite-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      // BankID's timing, shortened so that expiry can be seen in a test, yet long enough for a page
      // to open the app on a busy machine.
      KVITT_SIM_BANKID_START_TIMEOUT_MS: "15000",
      KVITT_SIM_BANKID_USER_TIMEOUT_MS: "25000",
      // Every test signs in from 127.0.0.1; the per-browser limit is still the real one.
      LOGIN_RATE_LIMIT_PER_IP: "10000",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
