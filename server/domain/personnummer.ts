import { isIsoDate, type IsoDate } from "./calendar";
import { DomainError } from "./errors";
import { luhnCheckDigit } from "./ocr";

export interface Personnummer {
  /** Twelve digits, YYYYMMDDNNNC. */
  canonical: string;
  birthDate: IsoDate;
  /** Samordningsnummer: the day of birth plus 60. */
  coordination: boolean;
  sex: "female" | "male";
}

export type ParseResult = { ok: true; value: Personnummer } | { ok: false; reason: "format" | "date" | "checksum" };

/**
 * Reads a Swedish personal identity number or coordination number in any usual form:
 * YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDDNNNC, and YYMMDD+NNNC for people aged 100 or more.
 * The century of a short form is the one that makes the person 0–99 years old on `today`
 * (100 or more with "+").
 */
export function parsePersonnummer(input: string, today: IsoDate): ParseResult {
  const s = input.trim().replace(/\s/g, "");
  const match = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})$/.exec(s);
  if (!match) return { ok: false, reason: "format" };
  const [, century, yy, mm, dd, separator, tail] = match as unknown as [string, string | undefined, string, string, string, string, string];
  // "+" belongs to the short form only: the twelve-digit form already says the century.
  if (century && separator === "+") return { ok: false, reason: "format" };
  const coordination = Number(dd) > 60;
  const day = String(coordination ? Number(dd) - 60 : Number(dd)).padStart(2, "0");
  let year: number;
  if (century) {
    year = Number(century) * 100 + Number(yy);
  } else {
    // The latest year ending in yy whose birthday is not after today (age 0–99), a century
    // earlier with "+" (age 100 or more).
    const thisYear = Number(today.slice(0, 4));
    year = thisYear - ((thisYear - Number(yy)) % 100 + 100) % 100;
    if (`${year}-${mm}-${day}` > today) year -= 100;
    if (separator === "+") year -= 100;
  }
  const birthDate = `${String(year).padStart(4, "0")}-${mm}-${day}`;
  if (!isIsoDate(birthDate) || birthDate > today) return { ok: false, reason: "date" };
  const short = `${yy}${mm}${dd}${tail}`;
  if (luhnCheckDigit(short.slice(0, 9)) !== Number(short[9])) return { ok: false, reason: "checksum" };
  return {
    ok: true,
    value: {
      canonical: `${String(year).padStart(4, "0")}${mm}${dd}${tail}`,
      birthDate,
      coordination,
      // The ninth digit (third of the four last) is even for women, odd for men.
      sex: Number(tail[2]) % 2 === 0 ? "female" : "male",
    },
  };
}

/** Whole years on `date`; someone born on 29 February turns a year older on 1 March in other years. */
export function ageOn(p: Pick<Personnummer, "birthDate">, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(p.birthDate.slice(0, 4));
  return date.slice(5) >= p.birthDate.slice(5) ? years : years - 1;
}

export type AgeBand = "under18" | "18-25" | "26-35" | "36-50" | "51-65" | "66+";

export function ageBand(age: number): AgeBand {
  if (age < 18) return "under18";
  if (age <= 25) return "18-25";
  if (age <= 35) return "26-35";
  if (age <= 50) return "36-50";
  if (age <= 65) return "51-65";
  return "66+";
}

function assertCanonical(canonical: string): void {
  if (!/^\d{12}$/.test(canonical)) throw new DomainError("invalid_personnummer", "expected twelve digits YYYYMMDDNNNC");
}

/** "YYYYMMDD-NNNC", the form people read and write. */
export function formatPersonnummer(canonical: string): string {
  assertCanonical(canonical);
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

/** For screens where the person must be recognised but the number need not be read: the birth date only. */
export function maskPersonnummer(canonical: string): string {
  assertCanonical(canonical);
  return `${canonical.slice(0, 8)}-****`;
}

/** A valid personal number for a birth date and a serial 0–999 (check digit computed). */
export function generateValidPersonnummer(birthDate: IsoDate, serial: number): string {
  if (!isIsoDate(birthDate)) throw new DomainError("invalid_date", "birthDate must be a real date YYYY-MM-DD", { birthDate });
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new DomainError("invalid_serial", "serial must be 0–999", { serial });
  const yymmdd = birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10);
  const nnn = String(serial).padStart(3, "0");
  const check = luhnCheckDigit(yymmdd + nnn);
  return `${birthDate.slice(0, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${nnn}${check}`;
}
