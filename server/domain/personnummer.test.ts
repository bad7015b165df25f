import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./calendar";
import { DomainError } from "./errors";
import { ageBand, ageOn, formatPersonnummer, generateValidPersonnummer, maskPersonnummer, parsePersonnummer } from "./personnummer";

const today = "2026-11-22";

/** Luhn check digit written out here, independent of the module under test. */
function luhn(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A twelve-digit number with a correct check digit, from YYYYMMDD (day may be +60) and NNN. */
function withCheck(yyyymmdd: string, nnn: string): string {
  return `${yyyymmdd}${nnn}${luhn(yyyymmdd.slice(2) + nnn)}`;
}

describe("parsePersonnummer", () => {
  it("reads every usual form of the same number", () => {
    for (const form of ["19900314-2388", "199003142388", "900314-2388", "9003142388", " 900314 2388 ", "\t19900314-2388\n"]) {
      const r = parsePersonnummer(form, today);
      expect(r, form).toEqual({ ok: true, value: { canonical: "199003142388", birthDate: "1990-03-14", coordination: false, sex: "female" } });
    }
  });

  it("reads Skatteverket's example number, Tolvan", () => {
    expect(parsePersonnummer("19121212-1212", today)).toEqual({
      ok: true,
      value: { canonical: "191212121212", birthDate: "1912-12-12", coordination: false, sex: "male" },
    });
  });

  it("refuses a bad check digit", () => {
    expect(parsePersonnummer("19900314-2389", today)).toEqual({ ok: false, reason: "checksum" });
    expect(parsePersonnummer("900314-2380", today)).toEqual({ ok: false, reason: "checksum" });
    expect(parsePersonnummer("19121212-1213", today)).toEqual({ ok: false, reason: "checksum" });
  });

  it("refuses impossible dates, before looking at the check digit", () => {
    expect(parsePersonnummer(withCheck("19900231", "238"), today)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer(withCheck("19901301", "238"), today)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer(withCheck("19900100", "238"), today)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer(withCheck("19900160", "238"), today)).toEqual({ ok: false, reason: "date" }); // day 60: neither
    expect(parsePersonnummer(withCheck("19900192", "238"), today)).toEqual({ ok: false, reason: "date" }); // 32 + 60
    expect(parsePersonnummer("19900231-0000", today)).toEqual({ ok: false, reason: "date" });
    // Born after today.
    expect(parsePersonnummer(withCheck("20261123", "123"), today)).toEqual({ ok: false, reason: "date" });
  });

  it("refuses what is not a personal number at all", () => {
    for (const bad of ["", "abc", "199003142", "1990031423881", "19900314_2388", "900314--2388", "9003-14-2388", "19900314+2388", "19900314 - 2388x"]) {
      expect(parsePersonnummer(bad, today), bad).toEqual({ ok: false, reason: "format" });
    }
  });

  it("uses + for people aged 100 or more", () => {
    const tolvan = parsePersonnummer("121212+1212", today);
    expect(tolvan.ok && tolvan.value.birthDate).toBe("1912-12-12");
    expect(tolvan.ok && tolvan.value.canonical).toBe("191212121212");
    const young = parsePersonnummer("121212-1212", today);
    expect(young.ok && young.value.birthDate).toBe("2012-12-12");
    const p = generateValidPersonnummer("1920-05-01", 123);
    const plus = parsePersonnummer(`${p.slice(2, 8)}+${p.slice(8)}`, today);
    expect(plus.ok && plus.value.birthDate).toBe("1920-05-01");
    const minus = parsePersonnummer(`${p.slice(2, 8)}-${p.slice(8)}`, today);
    expect(minus.ok && minus.value.birthDate).toBe("2020-05-01");
  });

  it("turns a hundred on the birthday: - the day before, + from the day itself", () => {
    const p = generateValidPersonnummer("1926-11-22", 5);
    const short = (sep: string) => `${p.slice(2, 8)}${sep}${p.slice(8)}`;
    const hundred = parsePersonnummer(short("+"), "2026-11-22");
    expect(hundred.ok && hundred.value.birthDate).toBe("1926-11-22");
    const ninetyNine = parsePersonnummer(short("-"), "2026-11-21");
    expect(ninetyNine.ok && ninetyNine.value.birthDate).toBe("1926-11-22");
    const newborn = parsePersonnummer(short("-"), "2026-11-22");
    expect(newborn.ok && newborn.value.birthDate).toBe("2026-11-22");
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
    const full = withCheck("19850764", "077");
    expect(parsePersonnummer(full, today)).toEqual({ ok: true, value: { canonical: full, birthDate: "1985-07-04", coordination: true, sex: "male" } });
    expect(parsePersonnummer(`${full.slice(2, 8)}-${full.slice(8)}`, today)).toEqual(parsePersonnummer(full, today));
  });

  it("gives a samordningsnummer born earlier this month this century", () => {
    // Born 2 November 2026: the coordination day is 62, which must not be read as later than the 22nd.
    const full = withCheck("20261162", "004");
    const r = parsePersonnummer(full.slice(2), today);
    expect(r).toEqual({ ok: true, value: { canonical: full, birthDate: "2026-11-02", coordination: true, sex: "female" } });
  });

  it("handles leap days: 29 Feb 2000 exists, 29 Feb 1900 does not", () => {
    const y2000 = withCheck("20000229", "123");
    expect(parsePersonnummer(y2000, today)).toEqual({ ok: true, value: { canonical: y2000, birthDate: "2000-02-29", coordination: false, sex: "male" } });
    const y1900 = withCheck("19000229", "123");
    expect(parsePersonnummer(y1900, today)).toEqual({ ok: false, reason: "date" });
    // The same short digits: "-" means 2000, "+" means 1900, which had no 29 February.
    expect(parsePersonnummer(`000229-${y2000.slice(8)}`, today).ok).toBe(true);
    expect(parsePersonnummer(`000229+${y2000.slice(8)}`, today)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer(withCheck("20230229", "123"), today)).toEqual({ ok: false, reason: "date" });
    expect(parsePersonnummer(withCheck("20240229", "123"), today).ok).toBe(true);
  });

  it("reads the sex from the ninth digit", () => {
    expect(parsePersonnummer(withCheck("19900314", "120"), today)).toMatchObject({ value: { sex: "female" } });
    expect(parsePersonnummer(withCheck("19900314", "129"), today)).toMatchObject({ value: { sex: "male" } });
  });

  it("every generated number parses back to itself, in long and short form", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.integer({ min: 0, max: 999 }), (offset, serial) => {
        const birth = addDays("1890-01-01", offset);
        if (birth > today) return true;
        const p = generateValidPersonnummer(birth, serial);
        const long = parsePersonnummer(p, today);
        const hundred = `${String(Number(birth.slice(0, 4)) + 100)}${birth.slice(4)}` <= today;
        const short = parsePersonnummer(`${p.slice(2, 8)}${hundred ? "+" : "-"}${p.slice(8)}`, today);
        return long.ok && long.value.canonical === p && long.value.birthDate === birth && short.ok && short.value.canonical === p;
      }),
    );
  });

  it("any single changed digit of the serial or check digit is caught", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 8, max: 11 }), fc.integer({ min: 1, max: 9 }), (offset, serial, pos, delta) => {
        const p = generateValidPersonnummer(addDays("1940-01-01", offset), serial);
        const changed = p.slice(0, pos) + String((Number(p[pos]) + delta) % 10) + p.slice(pos + 1);
        return parsePersonnummer(changed, today).ok === false;
      }),
    );
  });
});

describe("age", () => {
  it("counts whole years, the birthday included", () => {
    const p = { birthDate: "2005-06-12" };
    expect(ageOn(p, "2026-06-11")).toBe(20);
    expect(ageOn(p, "2026-06-12")).toBe(21);
    expect(ageOn(p, "2005-06-12")).toBe(0);
  });

  it("lets a 29 February child turn older on 1 March in other years", () => {
    expect(ageOn({ birthDate: "2004-02-29" }, "2026-02-28")).toBe(21);
    expect(ageOn({ birthDate: "2004-02-29" }, "2026-03-01")).toBe(22);
    expect(ageOn({ birthDate: "2004-02-29" }, "2028-02-29")).toBe(24);
  });

  it("puts ages in bands at the right edges", () => {
    const cases: [number, string][] = [
      [0, "under18"],
      [17, "under18"],
      [18, "18-25"],
      [25, "18-25"],
      [26, "26-35"],
      [35, "26-35"],
      [36, "36-50"],
      [50, "36-50"],
      [51, "51-65"],
      [65, "51-65"],
      [66, "66+"],
      [104, "66+"],
    ];
    for (const [age, band] of cases) expect(ageBand(age), String(age)).toBe(band);
  });

  it("bands a parsed number", () => {
    expect(luhn("050612284")).toBe(5);
    const r = parsePersonnummer("050612-2845", today);
    expect(r.ok && ageBand(ageOn(r.value, today))).toBe("18-25");
  });
});

describe("formatting", () => {
  it("formats and masks", () => {
    expect(formatPersonnummer("199003142388")).toBe("19900314-2388");
    expect(maskPersonnummer("199003142388")).toBe("19900314-****");
  });

  it("refuses what is not twelve digits", () => {
    expect(() => formatPersonnummer("19900314-2388")).toThrow(expect.objectContaining({ code: "invalid_personnummer" }));
    expect(() => maskPersonnummer("9003142388")).toThrow(DomainError);
  });
});

describe("generateValidPersonnummer", () => {
  it("computes the check digit", () => {
    expect(generateValidPersonnummer("1912-12-12", 121)).toBe("191212121212");
    expect(generateValidPersonnummer("1990-03-14", 238)).toBe("199003142388");
    expect(generateValidPersonnummer("2000-01-01", 0)).toBe(withCheck("20000101", "000"));
  });

  it("refuses a serial outside 0–999 and an impossible date", () => {
    expect(() => generateValidPersonnummer("1990-03-14", 1000)).toThrow(expect.objectContaining({ code: "invalid_serial" }));
    expect(() => generateValidPersonnummer("1990-03-14", -1)).toThrow(expect.objectContaining({ code: "invalid_serial" }));
    expect(() => generateValidPersonnummer("1990-03-14", 1.5)).toThrow(expect.objectContaining({ code: "invalid_serial" }));
    expect(() => generateValidPersonnummer("1990-02-30", 1)).toThrow(expect.objectContaining({ code: "invalid_date" }));
  });
});
