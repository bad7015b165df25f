import { isIsoDate, type IsoDate } from "./calendar";
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
  const match = /^(\d{2})?(\d{6})([-+]?)(\d{4})$/.exec(s);
  if (!match) return { ok: false, reason: "format" };
  const [, century, yymmdd, separator, tail] = match as unknown as [string, string | undefined, string, string, string];
  let year: number;
  const yy = Number(yymmdd.slice(0, 2));
  if (century) {
    if (separator === "+") return { ok: false, reason: "format" };
    year = Number(century) * 100 + yy;
  } else {
    const thisYear = Number(today.slice(0, 4));
    year = Math.floor(thisYear / 100) * 100 + yy;
    const monthDay = yymmdd.slice(2);
    const birthdayPassed = (y: number) => `${y}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}` <= today;
    // The most recent year with those two digits that is not in the future.
    if (year > thisYear || (year === thisYear && !birthdayPassed(year))) year -= 100;
    if (separator === "+") year -= 100;
  }
  const month = yymmdd.slice(2, 4);
  let day = Number(yymmdd.slice(4, 6));
  const coordination = day > 60;
  if (coordination) day -= 60;
  const birthDate = `${String(year).padStart(4, "0")}-${month}-${String(day).padStart(2, "0")}`;
  if (!isIsoDate(birthDate) || birthDate > today) return { ok: false, reason: "date" };
  const short = yymmdd + tail;
  if (luhnCheckDigit(short.slice(0, 9)) !== Number(short[9])) return { ok: false, reason: "checksum" };
  return {
    ok: true,
    value: {
      canonical: `${String(year).padStart(4, "0")}${yymmdd.slice(2)}${tail}`,
      birthDate,
      coordination,
      sex: Number(tail[2]) % 2 === 0 ? "female" : "male",
    },
  };
}

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

export function formatPersonnummer(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

/** For screens where the person must be recognised but the number need not be read: the birth date only. */
export function maskPersonnummer(canonical: string): string {
  return `${canonical.slice(0, 8)}-****`;
}

/** A valid personal number for a birth date and a serial 0–999 (check digit computed). */
export function generateValidPersonnummer(birthDate: IsoDate, serial: number): string {
  const yymmdd = birthDate.slice(2, 4) + birthDate.slice(5, 7) + birthDate.slice(8, 10);
  const nnn = String(Math.abs(Math.trunc(serial)) % 1000).padStart(3, "0");
  const check = luhnCheckDigit(yymmdd + nnn);
  return `${birthDate.slice(0, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${nnn}${check}`;
}
