import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildKeyring, decryptPersonalNumber, encryptPersonalNumber, openPersonalNumber, sealPersonalNumber, sealedKeyId } from "./personal-number";

const k1 = randomBytes(32).toString("hex");
const k2 = randomBytes(32).toString("hex");

describe("personal numbers under rotating keys", () => {
  it("seals with the current key, names it, and opens with whichever key a value names", () => {
    const old = buildKeyring({ id: "v1", keyHex: k1 });
    const sealedOld = sealPersonalNumber("199003142388", old);
    expect(sealedKeyId(sealedOld)).toBe("v1");
    expect(sealedOld).not.toContain("199003142388");

    const rotated = buildKeyring({ id: "k2", keyHex: k2 }, `v1:${k1}`);
    const sealedNew = sealPersonalNumber("199003142388", rotated);
    expect(sealedKeyId(sealedNew)).toBe("k2");
    expect(openPersonalNumber(sealedOld, rotated)).toBe("199003142388");
    expect(openPersonalNumber(sealedNew, rotated)).toBe("199003142388");
    // Without the old key, an old value cannot be opened: it names the key it needs.
    expect(() => openPersonalNumber(sealedOld, buildKeyring({ id: "k2", keyHex: k2 }))).toThrow(/key v1, which is not configured/);
  });

  it("reads values written before key ids existed (the v1 prefix)", () => {
    const legacy = encryptPersonalNumber("198511224571", k1);
    expect(legacy.startsWith("v1.")).toBe(true);
    expect(decryptPersonalNumber(legacy, k1)).toBe("198511224571");
    expect(openPersonalNumber(legacy, buildKeyring({ id: "k2", keyHex: k2 }, `v1:${k1}`))).toBe("198511224571");
  });

  it("refuses a tampered value and a wrong key", () => {
    const ring = buildKeyring({ id: "v1", keyHex: k1 });
    const sealed = sealPersonalNumber("199003142388", ring);
    const [id, iv, tag, data] = sealed.split(".");
    const flipped = Buffer.from(data!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => openPersonalNumber([id, iv, tag, flipped.toString("base64url")].join("."), ring)).toThrow();
    expect(() => openPersonalNumber(sealed, buildKeyring({ id: "v1", keyHex: k2 }))).toThrow();
  });

  it("checks the configuration", () => {
    expect(() => buildKeyring({ id: "K2!", keyHex: k1 })).toThrow(/key id/);
    expect(() => buildKeyring({ id: "k2", keyHex: "abc" })).toThrow(/64 hex/);
    expect(() => buildKeyring({ id: "k2", keyHex: k2 }, `k2:${k1}`)).toThrow(/twice/);
    expect(() => buildKeyring({ id: "k2", keyHex: k2 }, "v1")).toThrow(/id:hex/);
  });
});
