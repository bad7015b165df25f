import { describe, expect, it } from "vitest";
import { amountToOre, instructionUuid, mcommerceAppUrl, parseSwishCallback, prefilledQrData, SwishError, swishAmount } from "./client";

describe("Swish helpers", () => {
  it("makes instruction UUIDs as Swish wants them", () => {
    const ids = new Set(Array.from({ length: 50 }, instructionUuid));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9A-F]{32}$/);
  });

  it("builds the M-commerce app link with an encoded callback URL", () => {
    expect(mcommerceAppUrl("c28a4061470f4af48973bd2a4642b4fa", "https://kvitt.example/betala/klar?id=1&x=å")).toBe(
      "swish://paymentrequest?token=c28a4061470f4af48973bd2a4642b4fa&callbackurl=https%3A%2F%2Fkvitt.example%2Fbetala%2Fklar%3Fid%3D1%26x%3D%C3%A5",
    );
  });

  it("builds prefilled QR data with a decimal comma and a lock on every field", () => {
    expect(prefilledQrData("123 118 11 89", 45050, "Ärende 4711")).toBe("C1231181189;450,50;Ärende 4711;0");
    expect(prefilledQrData("1231181189", 100, "a;b")).toBe("C1231181189;1,00;a b;0");
    expect(prefilledQrData("1231181189", 100, "x", { amount: true, message: true })).toBe("C1231181189;1,00;x;6");
    expect(() => prefilledQrData("1231181189", 0, "x")).toThrow();
  });

  it("converts amounts between öre and Swish's strings and numbers", () => {
    expect(swishAmount(10000)).toBe("100.00");
    expect(swishAmount(5)).toBe("0.05");
    expect(swishAmount(123456789)).toBe("1234567.89");
    expect(amountToOre("100.00")).toBe(10000);
    expect(amountToOre("100")).toBe(10000);
    expect(amountToOre(100.5)).toBe(10050);
    expect(amountToOre(0.07)).toBe(7);
    expect(amountToOre("1,00")).toBeNull();
    expect(amountToOre("-1.00")).toBeNull();
    expect(() => swishAmount(1.5)).toThrow();
  });

  it("reads a callback body, amount as a number or a string", () => {
    const body = {
      id: "AB23D7406ECE4542A80152D909EF9F6B",
      payeePaymentReference: "0123456789",
      paymentReference: "6D6CD7406ECE4542A80152D909EF9F6B",
      callbackUrl: "https://example.com/api/swishcb/paymentrequests",
      payerAlias: "4671234768",
      payeeAlias: "1231181189",
      amount: 100.5,
      currency: "SEK",
      message: "Kingston USB Flash Drive 8 GB",
      status: "PAID",
      dateCreated: "2019-01-02T14:29:51.092Z",
      datePaid: "2019-01-02T14:29:55.093Z",
      errorCode: null,
      errorMessage: null,
    };
    expect(parseSwishCallback(body).amountOre).toBe(10050);
    expect(parseSwishCallback({ ...body, amount: "100.50" }).amountOre).toBe(10050);
    expect(() => parseSwishCallback({ ...body, status: "SOMETHING" })).toThrow();
  });

  it("describes an error array", () => {
    const error = new SwishError([{ errorCode: "PA02", errorMessage: "Amount value is missing or not a valid number", additionalInformation: null }], 422);
    expect(error.message).toBe("Swish 422 PA02: Amount value is missing or not a valid number");
    expect(error.has("PA02")).toBe(true);
    expect(error.has("FF08")).toBe(false);
  });
});
