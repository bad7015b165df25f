import { describe, expect, it } from "vitest";
import { RFA_CODES, RFA_TEXTS, rfaFor, rfaForError, type RfaCode } from "./messages";
import { ERROR_CODES, FAILED_HINT_CODES, PENDING_HINT_CODES } from "./types";

const qr = { sameDevice: false, qr: true };
const sameDevice = { sameDevice: true, qr: false };

describe("rfaFor: BankID's recommended message for each answer", () => {
  it.each<[string, { sameDevice: boolean; qr: boolean; mobile?: boolean }, RfaCode]>([
    ["outstandingTransaction", qr, "RFA1"],
    ["outstandingTransaction", sameDevice, "RFA13"],
    ["noClient", qr, "RFA1"],
    ["noClient", sameDevice, "RFA1"],
    ["started", qr, "RFA15B"],
    ["started", { ...qr, mobile: false }, "RFA15B"],
    ["started", sameDevice, "RFA15B"],
    ["started", { ...sameDevice, mobile: true }, "RFA15B"],
    ["started", { ...sameDevice, mobile: false }, "RFA15A"],
    ["userSign", qr, "RFA9"],
    ["userSign", sameDevice, "RFA9"],
    ["userMrtd", qr, "RFA23"],
    ["userCallConfirm", qr, "RFA21"],
    ["someFuturePendingCode", qr, "RFA21"],
    ["", qr, "RFA21"],
  ])("pending %s (%o) → %s", (hintCode, ctx, rfa) => {
    expect(rfaFor({ status: "pending", hintCode }, ctx)).toBe(rfa);
  });

  it.each<[string, { sameDevice: boolean; qr: boolean }, RfaCode]>([
    ["expiredTransaction", qr, "RFA8"],
    ["certificateErr", qr, "RFA16"],
    ["userCancel", qr, "RFA6"],
    ["userDeclinedCall", qr, "RFA6"],
    ["cancelled", qr, "RFA3"],
    ["startFailed", qr, "RFA17B"],
    ["startFailed", sameDevice, "RFA17A"],
    ["notSupportedByUserApp", qr, "RFA22"],
    ["transactionRiskBlocked", qr, "RFA22"],
    ["someFutureFailure", qr, "RFA22"],
    // A failure stored with the error code of a failed call.
    ["maintenance", qr, "RFA5"],
    ["alreadyInProgress", qr, "RFA4"],
    ["timeout", qr, "RFA5"],
  ])("failed %s (%o) → %s", (hintCode, ctx, rfa) => {
    expect(rfaFor({ status: "failed", hintCode }, ctx)).toBe(rfa);
  });

  it.each<[string, RfaCode]>([
    ["alreadyInProgress", "RFA4"],
    ["requestTimeout", "RFA5"],
    ["internalError", "RFA5"],
    ["maintenance", "RFA5"],
    ["tooManyRequests", "RFA5"],
    ["network", "RFA5"],
    ["timeout", "RFA5"],
    ["invalidParameters", "RFA22"],
    ["unauthorized", "RFA22"],
    ["notFound", "RFA22"],
    ["methodNotAllowed", "RFA22"],
    ["unsupportedMediaType", "RFA22"],
    ["invalidResponse", "RFA22"],
    ["someFutureError", "RFA22"],
  ])("error %s → %s", (errorCode, rfa) => {
    expect(rfaForError(errorCode)).toBe(rfa);
    expect(rfaFor({ status: "failed", errorCode }, qr)).toBe(rfa);
    expect(rfaFor({ errorCode }, sameDevice)).toBe(rfa);
  });

  it("has an answer for every documented hint code and error, and only current messages", () => {
    const withdrawn: RfaCode[] = ["RFA14A", "RFA14B", "RFA18"];
    const answers = new Set<RfaCode>();
    for (const ctx of [qr, sameDevice, { ...qr, mobile: true }, { ...sameDevice, mobile: false }]) {
      for (const hintCode of PENDING_HINT_CODES) answers.add(rfaFor({ status: "pending", hintCode }, ctx));
      for (const hintCode of FAILED_HINT_CODES) answers.add(rfaFor({ status: "failed", hintCode }, ctx));
      for (const errorCode of ERROR_CODES) answers.add(rfaFor({ errorCode }, ctx));
    }
    for (const code of answers) {
      expect(RFA_CODES).toContain(code);
      expect(withdrawn).not.toContain(code);
    }
    expect(rfaFor({ status: "complete" }, qr)).toBe("RFA21");
  });
});

describe("RFA_TEXTS", () => {
  it("has Swedish and English for every code", () => {
    expect(Object.keys(RFA_TEXTS).sort()).toEqual([...RFA_CODES].sort());
    for (const code of RFA_CODES) {
      expect(RFA_TEXTS[code].sv.trim()).not.toBe("");
      expect(RFA_TEXTS[code].en.trim()).not.toBe("");
      expect(RFA_TEXTS[code].sv).toBe(RFA_TEXTS[code].sv.trim());
      expect(RFA_TEXTS[code].en).toBe(RFA_TEXTS[code].en.trim());
    }
  });

  it("carries BankID's own words", () => {
    expect(RFA_TEXTS.RFA1).toEqual({ sv: "Starta BankID-appen.", en: "Start your BankID app." });
    expect(RFA_TEXTS.RFA6.sv).toBe("Åtgärden avbröts.");
    expect(RFA_TEXTS.RFA9.sv).toBe("Skriv in din säkerhetskod i BankID-appen och välj Identifiera eller Skriv under.");
    expect(RFA_TEXTS.RFA9.en).toBe("Enter your security code in the BankID app and select Identify or Sign.");
    expect(RFA_TEXTS.RFA22).toEqual({ sv: "Något gick fel. Försök igen.", en: "Something went wrong. Please try again." });
    expect(RFA_TEXTS.RFA17B.sv).toContain("QR-koden");
    expect(RFA_TEXTS.RFA8.sv).toMatch(/^BankID-appen svarar inte/);
  });
});
