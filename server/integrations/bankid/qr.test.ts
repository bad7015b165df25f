import { describe, expect, it } from "vitest";
import { qrContent } from "./qr";
import { rfaFor } from "./messages";

const token = "67df3917-fa0d-44e5-b327-edcc928297f8";
const secret = "d28db9a7-4cde-429e-a983-359be676944c";

describe("animated QR", () => {
  it("matches BankID's published vectors", () => {
    expect(qrContent(token, secret, 0)).toBe(`bankid.${token}.0.dc69358e712458a66a7525beef148ae8526b1c71610eff2c16cdffb4cdac9bf8`);
    expect(qrContent(token, secret, 1)).toBe(`bankid.${token}.1.949d559bf23403952a94d103e67743126381eda00f0b3cbddbf7c96b1adcbce2`);
    expect(qrContent(token, secret, 2)).toBe(`bankid.${token}.2.a9e5ec59cb4eee4ef4117150abc58fad7a85439a6a96ccbecc3668b41795b3f3`);
  });
});

describe("recommended user messages", () => {
  const qr = { sameDevice: false, qr: true };
  const device = { sameDevice: true, qr: false };
  it("maps every hint code and error to an RFA message", () => {
    expect(rfaFor({ status: "pending", hintCode: "outstandingTransaction" }, qr)).toBe("RFA1");
    expect(rfaFor({ status: "pending", hintCode: "outstandingTransaction" }, device)).toBe("RFA13");
    expect(rfaFor({ status: "pending", hintCode: "noClient" }, device)).toBe("RFA13");
    expect(rfaFor({ status: "pending", hintCode: "started" }, device)).toBe("RFA14B");
    expect(rfaFor({ status: "pending", hintCode: "started" }, qr)).toBe("RFA15B");
    expect(rfaFor({ status: "pending", hintCode: "userSign" }, qr)).toBe("RFA9");
    expect(rfaFor({ status: "pending", hintCode: "userCallConfirm" }, qr)).toBe("RFA9");
    expect(rfaFor({ status: "pending", hintCode: "userMrtd" }, qr)).toBe("RFA23");
    expect(rfaFor({ status: "pending", hintCode: "somethingNew" }, qr)).toBe("RFA21");
    expect(rfaFor({ status: "failed", hintCode: "expiredTransaction" }, qr)).toBe("RFA8");
    expect(rfaFor({ status: "failed", hintCode: "certificateErr" }, qr)).toBe("RFA16");
    expect(rfaFor({ status: "failed", hintCode: "userCancel" }, qr)).toBe("RFA6");
    expect(rfaFor({ status: "failed", hintCode: "userDeclinedCall" }, qr)).toBe("RFA6");
    expect(rfaFor({ status: "failed", hintCode: "cancelled" }, qr)).toBe("RFA3");
    expect(rfaFor({ status: "failed", hintCode: "startFailed" }, qr)).toBe("RFA17B");
    expect(rfaFor({ status: "failed", hintCode: "startFailed" }, device)).toBe("RFA17A");
    expect(rfaFor({ status: "failed", hintCode: "notSupportedByUserApp" }, qr)).toBe("RFA22");
    expect(rfaFor({ status: "failed", hintCode: "transactionRiskBlocked" }, qr)).toBe("RFA22");
    expect(rfaFor({ status: "failed", hintCode: "maintenance" }, qr)).toBe("RFA5");
    expect(rfaFor({ status: "failed", errorCode: "alreadyInProgress" }, qr)).toBe("RFA4");
    expect(rfaFor({ status: "failed", errorCode: "internalError" }, qr)).toBe("RFA5");
    expect(rfaFor({ status: "failed", errorCode: "unauthorized" }, qr)).toBe("RFA22");
  });
});
