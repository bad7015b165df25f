import { expect, expectAccessible, test } from "../fixtures";

async function startQr(page: import("@playwright/test").Page) {
  await page.goto("/login");
  await page.getByRole("button", { name: "Mobilt BankID på en annan enhet" }).click();
  const qr = page.getByRole("img", { name: "QR-kod för BankID. Koden byts varje sekund." });
  await expect(qr).toHaveAttribute("data-qr", /^bankid\./);
  return qr;
}

test.describe("which sign-in comes first", () => {
  test("on a computer, the QR code is the primary button", async ({ page }) => {
    await page.goto("/login");
    const otherDevice = page.getByRole("button", { name: "Mobilt BankID på en annan enhet" });
    await expect(otherDevice).toHaveAttribute("data-primary", "");
    await expect(otherDevice).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    await expect(page.getByRole("button", { name: "Öppna BankID på den här enheten" })).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  });

  test("a touch-first screen counts as a phone, whatever its browser says", async ({ browser }) => {
    // A desktop browser's words, but a touch screen without hover: a tablet or a phone in desktop mode.
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true, locale: "sv-SE" });
    const page = await context.newPage();
    try {
      expect(await page.evaluate(() => matchMedia("(hover: none) and (pointer: coarse)").matches)).toBe(true);
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Öppna BankID på den här enheten" })).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
      await expect(page.getByRole("button", { name: "Mobilt BankID på en annan enhet" })).toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
    } finally {
      await context.close();
    }
  });
});

test.describe("signing in with BankID on another device (QR)", () => {
  test("the QR code changes every second, and scanning it signs the person in", async ({ page, request }) => {
    const qr = await startQr(page);
    await expectAccessible(page, "login QR");
    const first = await qr.getAttribute("data-qr");
    await expect.poll(async () => qr.getAttribute("data-qr"), { timeout: 2500 }).not.toBe(first);
    const second = await qr.getAttribute("data-qr");
    await expect.poll(async () => qr.getAttribute("data-qr"), { timeout: 2500 }).not.toBe(second);
    const times = [first, second].map((c) => Number(c!.split(".")[2]));
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1);

    const scanned = await request.post("/api/sim/bankid/control/find", { data: { qrContent: await qr.getAttribute("data-qr") } });
    expect(scanned.ok()).toBe(true);
    const { orderRef } = (await scanned.json()) as { orderRef: string };
    await expect(page.getByRole("status")).toContainText("Söker efter BankID");
    await request.post(`/api/sim/bankid/control/orders/${orderRef}/identify`, { data: { personalNumber: "198511224571", name: "Erik Johansson" } });
    await page.waitForURL(/\/cases$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har 3 ärenden hos oss");
  });

  test("cancel stops the order", async ({ page }) => {
    await startQr(page);
    await page.getByRole("button", { name: "Avbryt" }).click();
    await expect(page.getByRole("button", { name: "Mobilt BankID på en annan enhet" })).toBeVisible();
  });

  test("a QR code nobody scans ends cleanly with BankID's message", async ({ page, request }) => {
    const qr = await startQr(page);
    // BankID's time for scanning runs out (the simulator skips the wait; the rule is its own test's).
    expect((await request.post("/api/sim/bankid/control/elapse", { data: { qrContent: await qr.getAttribute("data-qr") } })).ok()).toBe(true);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Misslyckades att läsa av QR-koden.");
    await expectAccessible(page, "login start failed");
  });

  test("an order opened but never finished expires", async ({ page, request }) => {
    const qr = await startQr(page);
    await request.post("/api/sim/bankid/control/find", { data: { qrContent: await qr.getAttribute("data-qr") } });
    expect((await request.post("/api/sim/bankid/control/elapse", { data: { qrContent: await qr.getAttribute("data-qr") } })).ok()).toBe(true);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("BankID-appen svarar inte.");
  });
});
