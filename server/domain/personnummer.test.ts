import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ageBand, ageOn, formatPersonnummer, generateValidPersonnummer, maskPersonnummer, parsePersonnummer } from "./personnummer";

const today = "2026-11-22";

describe("personnummer", () => {
  it("reads every usual form of the same number", () => {
    for (const form of ["19900314-2388", "199003142388", "900314-2388", "9003142388", " 900314 2388 "]) {
      const r = parsePersonnummer(form, today);
      expect(r, form).toEqual({ ok: true, value: { canonical: "199003142388", birthDate: "1990-03-14", coordination: false, sex: "female" } });
    }
  });

  it("refuses a bad check digit, an impossible date and nonsense", () => {
    expect(parsePersonnummer("19900314-2389", today)).toEqual({ ok: false, reason: "checksum" });
    expect(parsePersonnummer("19900231-2388", today)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer("abc", today)).toEqual({ ok: false, reason: "format" });
    expect(parsePersonnummer("199003142", today)).toEqual({ ok: false, reason: "format" });
    expect(parsePersonnummer("19900314+2388", today)).toEqual({ ok: false, reason: "format" });
  });

  it("uses + for people aged 100 or more", () => {
    const p = generateValidPersonnummer("1920-05-01", 123);
    const short = `${p.slice(2, 8)}+${p.slice(8)}`;
    const r = parsePersonnummer(short, today);
    expect(r.ok && r.value.birthDate).toBe("1920-05-01");
    const withMinus = parsePersonnummer(`${p.slice(2, 8)}-${p.slice(8)}`, today);
    expect(withMinus.ok && withMinus.value.birthDate).toBe("2020-05-01");
  });

  it("picks the century that is not in the future for a short form", () => {
    const p = generateValidPersonnummer("2026-12-01", 45);
    const r = parsePersonnummer(p.slice(2), today);
    expect(r.ok && r.value.birthDate).toBe("1926-12-01");
    expect(parsePersonnummer(p, today)).toEqual({ ok: false, reason: "date" });
    const q = generateValidPersonnummer("2005-06-12", 284);
    const s = parsePersonnummer(q.slice(2), today);
    expect(s.ok && s.value.birthDate).toBe("2005-06-12");
  });

  it("reads samordningsnummer (day + 60)", () => {
    const birth = generateValidPersonnummer("1985-07-04", 77);
    const coordShort = `${birth.slice(2, 6)}${String(4 + 60)}${birth.slice(8, 11)}`;
    const { luhn } = { luhn: (s: string) => {
      let sum = 0;
      for (let i = 0; i < s.length; i++) {
        let d = Number(s[i]) * (i % 2 === 0 ? 2 : 1);
        if (d > 9) d -= 9;
        sum += d;
      }
      return (10 - (sum % 10)) % 10;
    } };
    const full = `19${coordShort}${luhn(coordShort)}`;
    const r = parsePersonnummer(full, today);
    expect(r).toEqual({ ok: true, value: { canonical: full, birthDate: "1985-07-04", coordination: true, sex: "male" } });
  });

  it("handles leap days", () => {
    expect(parsePersonnummer(generateValidPersonnummer("2000-02-29", 1), today).ok).toBe(true);
    const bogus = "190002291234";
    expect(parsePersonnummer(bogus, today)).toEqual({ ok: false, reason: "date" });
  });

  it("computes age and age band", () => {
    const p = { birthDate: "2005-06-12" };
    expect(ageOn(p, "2026-06-11")).toBe(20);
    expect(ageOn(p, "2026-06-12")).toBe(21);
    expect(ageBand(21)).toBe("18-25");
    expect(ageBand(17)).toBe("under18");
    expect(ageBand(26)).toBe("26-35");
    expect(ageBand(80)).toBe("66+");
    expect(ageOn({ birthDate: "2004-02-29" }, "2026-02-28")).toBe(21);
    expect(ageOn({ birthDate: "2004-02-29" }, "2026-03-01")).toBe(22);
  });

  it("formats and masks", () => {
    expect(formatPersonnummer("199003142388")).toBe("19900314-2388");
    expect(maskPersonnummer("199003142388")).toBe("19900314-****");
  });

  it("every generated number parses back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 34000 }), fc.integer({ min: 0, max: 999 }), (offset, serial) => {
        const birth = new Date(Date.UTC(1930, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const p = generateValidPersonnummer(birth, serial);
        const r = parsePersonnummer(p, today);
        return r.ok && r.value.canonical === p && r.value.birthDate === birth;
      }),
    );
  });
});
