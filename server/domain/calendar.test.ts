import Holidays from "date-holidays";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBankDays,
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  isBankDay,
  isIsoDate,
  midsummerEve,
  nextBankDay,
  payday,
  paydayDueDate,
  previousBankDay,
  todayInStockholm,
} from "./calendar";
import { DomainError } from "./errors";

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of any library. */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Plain date arithmetic for the oracle, not the module's addDays. */
function shift(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** Sweden's closed days (besides weekends) computed by hand from the definitions in law. */
function independentClosedDays(year: number): Set<string> {
  const easter = easterSunday(year);
  const saturdayBetween = (from: string, to: string) => {
    for (let d = from; d <= to; d = shift(d, 1)) if (weekday(d) === 6) return d;
    throw new Error("no saturday");
  };
  const midsummerDay = saturdayBetween(`${year}-06-20`, `${year}-06-26`);
  return new Set([
    `${year}-01-01`,
    `${year}-01-06`,
    shift(easter, -2),
    easter,
    shift(easter, 1),
    `${year}-05-01`,
    shift(easter, 39),
    shift(easter, 49),
    `${year}-06-06`,
    shift(midsummerDay, -1),
    midsummerDay,
    saturdayBetween(`${year}-10-31`, `${year}-11-06`),
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
    `${year}-12-31`,
  ]);
}

describe("the independent Easter", () => {
  it("matches known Easter Sundays", () => {
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2038)).toBe("2038-04-25");
  });
});

describe("how date-holidays classifies Swedish days", () => {
  const types = (year: number) => new Map(new Holidays("SE").getHolidays(year).map((h) => [h.date.slice(0, 10), h.type]));

  it('types Midsommarafton, Julafton and Nyårsafton "bank", not "public"', () => {
    const t = types(2026);
    expect(t.get("2026-06-19")).toBe("bank");
    expect(t.get("2026-12-24")).toBe("bank");
    expect(t.get("2026-12-31")).toBe("bank");
  });

  it('lists other eves as "optional" or "observance": they stay bank days', () => {
    const t = types(2026);
    expect(t.get("2026-01-05")).toBe("optional"); // trettondagsafton
    expect(t.get("2026-04-30")).toBe("optional"); // valborgsmässoafton
    expect(t.get("2026-10-30")).toBe("optional"); // allhelgonaafton
    expect(t.get("2026-04-02")).toBe("observance"); // skärtorsdagen
    expect(t.get("2026-05-25")).toBe("observance"); // annandag pingst, no holiday since 2005
    for (const d of ["2026-01-05", "2026-04-30", "2026-10-30", "2026-04-02", "2026-05-25"]) expect(isBankDay(d), d).toBe(true);
  });
});

describe("bank days", () => {
  it("closes on Good Friday and Easter Monday", () => {
    expect(isBankDay("2026-04-02")).toBe(true); // Maundy Thursday
    expect(isBankDay("2026-04-03")).toBe(false); // Good Friday
    expect(isBankDay("2026-04-06")).toBe(false); // Easter Monday
    expect(isBankDay("2026-04-07")).toBe(true);
    expect(isBankDay("2025-04-18")).toBe(false);
    expect(isBankDay("2025-04-21")).toBe(false);
    expect(nextBankDay("2026-04-03")).toBe("2026-04-07");
    expect(previousBankDay("2026-04-06")).toBe("2026-04-02");
  });

  it("closes on Ascension Day", () => {
    expect(isBankDay("2026-05-14")).toBe(false);
    expect(isBankDay("2025-05-29")).toBe(false);
    expect(isBankDay("2026-05-15")).toBe(true);
  });

  it("closes on Midsummer Eve (a Friday) and Midsummer Day (a Saturday)", () => {
    expect(isBankDay("2026-06-19")).toBe(false);
    expect(isBankDay("2025-06-20")).toBe(false);
    expect(isBankDay("2026-06-18")).toBe(true);
    expect(nextBankDay("2026-06-19")).toBe("2026-06-22");
    expect(midsummerEve(2026)).toBe("2026-06-19");
    expect(midsummerEve(2025)).toBe("2025-06-20");
    expect(midsummerEve(2027)).toBe("2027-06-25");
    expect(midsummerEve(2029)).toBe("2029-06-22");
  });

  it("closes on National Day, also on a weekday", () => {
    expect(isBankDay("2025-06-06")).toBe(false); // a Friday
    expect(isBankDay("2029-06-06")).toBe(false); // a Wednesday
    expect(nextBankDay("2025-06-06")).toBe("2025-06-09");
  });

  it("closes on All Saints' Day, a Saturday, but Allhelgonaafton is open", () => {
    expect(isBankDay("2026-10-31")).toBe(false);
    expect(isBankDay("2026-10-30")).toBe(true);
  });

  it("closes on Christmas Eve, Christmas, Boxing Day and New Year's Eve", () => {
    for (const d of ["2025-12-24", "2025-12-25", "2025-12-26", "2025-12-31", "2026-12-24", "2026-12-25", "2026-12-31", "2027-12-24", "2027-12-31"]) {
      expect(isBankDay(d), d).toBe(false);
    }
    expect(isBankDay("2025-12-23")).toBe(true);
    expect(isBankDay("2025-12-29")).toBe(true);
    expect(isBankDay("2025-12-30")).toBe(true);
  });

  it("closes on New Year's Day and Epiphany", () => {
    expect(isBankDay("2026-01-01")).toBe(false);
    expect(isBankDay("2026-01-06")).toBe(false);
    expect(isBankDay("2026-01-02")).toBe(true);
  });

  it("closes at weekends", () => {
    expect(isBankDay("2026-11-21")).toBe(false);
    expect(isBankDay("2026-11-22")).toBe(false);
    expect(isBankDay("2026-11-23")).toBe(true);
  });

  it("moves a deadline over Christmas and across the year boundary", () => {
    expect(nextBankDay("2026-12-24")).toBe("2026-12-28");
    expect(nextBankDay("2026-12-31")).toBe("2027-01-04"); // Fri 1 Jan closed, then a weekend
    expect(nextBankDay("2025-12-31")).toBe("2026-01-02");
    expect(previousBankDay("2027-01-01")).toBe("2026-12-30");
    expect(previousBankDay("2026-01-01")).toBe("2025-12-30");
    expect(nextBankDay("2026-11-23")).toBe("2026-11-23"); // on: a bank day stays
    expect(previousBankDay("2026-11-23")).toBe("2026-11-23");
  });

  it("counts bank days both ways, across Christmas and New Year", () => {
    expect(addBankDays("2026-12-23", 1)).toBe("2026-12-28");
    expect(addBankDays("2026-12-28", -1)).toBe("2026-12-23");
    expect(addBankDays("2026-12-30", 1)).toBe("2027-01-04");
    expect(addBankDays("2026-12-23", 5)).toBe("2027-01-05"); // 28, 29, 30, 4, 5 (6 Jan closed after)
    expect(addBankDays("2026-11-20", 0)).toBe("2026-11-20");
    expect(addBankDays("2026-11-21", 0)).toBe("2026-11-21"); // 0 never moves, even from a Saturday
    expect(addBankDays("2026-11-21", 1)).toBe("2026-11-23");
  });

  it("agrees with an independent computation of every day 2025–2035", () => {
    for (let year = 2025; year <= 2035; year++) {
      const closed = independentClosedDays(year);
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = shift(d, 1)) {
        const weekend = [0, 6].includes(weekday(d));
        expect(isBankDay(d), d).toBe(!weekend && !closed.has(d));
      }
    }
  });

  it("closes Good Friday, Easter Monday and Ascension, and opens around them, for any year 2025–2035", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2035 }), (year) => {
        const easter = easterSunday(year);
        return (
          weekday(easter) === 0 &&
          !isBankDay(shift(easter, -2)) &&
          !isBankDay(shift(easter, 1)) &&
          !isBankDay(shift(easter, 39)) &&
          isBankDay(shift(easter, -3)) &&
          isBankDay(shift(easter, 2)) &&
          nextBankDay(shift(easter, -2)) === shift(easter, 2) &&
          previousBankDay(shift(easter, 1)) === shift(easter, -3)
        );
      }),
    );
  });

  it("nextBankDay is a bank day, not earlier, at most a week on, and the first such", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (offset) => {
        const d = shift("2025-01-01", offset);
        const next = nextBankDay(d);
        let firstOpen = d;
        while (!isBankDay(firstOpen)) firstOpen = shift(firstOpen, 1);
        return isBankDay(next) && next >= d && next <= shift(d, 7) && next === firstOpen;
      }),
    );
  });

  it("addBankDays n then -n returns to a bank day it started from", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: -40, max: 40 }), (offset, n) => {
        const d = nextBankDay(shift("2025-01-01", offset));
        return addBankDays(addBankDays(d, n), -n) === d && isBankDay(addBankDays(d, n));
      }),
    );
  });
});

describe("payday and the payday-aware due date", () => {
  it("is the 25th, or the bank day before when the 25th is closed", () => {
    expect(payday(2026, 11)).toBe("2026-11-25"); // a Wednesday
    expect(payday(2026, 10)).toBe("2026-10-23"); // the 25th is a Sunday
    expect(payday(2026, 4)).toBe("2026-04-24"); // the 25th is a Saturday
    expect(payday(2026, 12)).toBe("2026-12-23"); // Christmas Day, and Christmas Eve is closed
    expect(payday(2027, 4)).toBe("2027-04-23"); // a Sunday
    expect(payday(2025, 12)).toBe("2025-12-23");
    expect(payday(2027, 12)).toBe("2027-12-23"); // the 25th a Saturday, the 24th closed
  });

  it("refuses a month outside 1–12", () => {
    expect(() => payday(2026, 13)).toThrow(expect.objectContaining({ code: "invalid_month" }));
    expect(() => payday(2026, 0)).toThrow(DomainError);
  });

  it("suggests the first bank day on or after the 26th", () => {
    expect(paydayDueDate("2026-11-22")).toBe("2026-11-26");
    expect(paydayDueDate("2026-11-26")).toBe("2026-11-26");
    expect(paydayDueDate("2026-11-27")).toBe("2026-12-28"); // 26 Dec is Boxing Day, 27 a Sunday
    expect(paydayDueDate("2026-12-01")).toBe("2026-12-28");
    expect(paydayDueDate("2026-12-29")).toBe("2027-01-26"); // over the year boundary
    expect(paydayDueDate("2026-09-26")).toBe("2026-09-28"); // the 26th is a Saturday
    expect(paydayDueDate("2026-09-28")).toBe("2026-09-28");
    expect(paydayDueDate("2026-09-29")).toBe("2026-10-26");
    expect(paydayDueDate("2026-10-01")).toBe("2026-10-26"); // the day after payday 23 Oct would be a weekend
  });

  it("is always a bank day after payday, not before `earliest`, within about a month", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (offset) => {
        const from = shift("2025-01-01", offset);
        const due = paydayDueDate(from);
        const month = Number(due.slice(5, 7));
        return (
          isBankDay(due) &&
          due >= from &&
          daysBetween(from, due) <= 37 &&
          Number(due.slice(8)) >= 26 &&
          due > payday(Number(due.slice(0, 4)), month) &&
          paydayDueDate(due) === due
        );
      }),
    );
  });
});

describe("dates", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-03-29", 1)).toBe("2026-03-30"); // summer time starts: still one day
  });

  it("adds months, clamping to the month's end, leap years included", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-11-26", 2)).toBe("2027-01-26");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -13)).toBe("2024-12-15");
    expect(addMonths("2026-05-31", 0)).toBe("2026-05-31");
  });

  it("counts days between dates", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2026-11-22", "2026-11-01")).toBe(-21);
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31); // over summer time
  });

  it("compares dates", () => {
    expect(compareDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareDates("2026-01-02", "2026-01-01")).toBe(1);
    expect(compareDates("2026-01-01", "2026-01-01")).toBe(0);
    expect(["2027-01-01", "2026-12-31", "2026-02-01"].sort(compareDates)).toEqual(["2026-02-01", "2026-12-31", "2027-01-01"]);
  });

  it("knows the weekday", () => {
    expect(dayOfWeek("2026-10-25")).toBe(0);
    expect(dayOfWeek("2026-06-19")).toBe(5);
  });

  it("addDays and daysBetween agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -5000, max: 5000 }), (offset, n) => {
        const d = shift("2000-01-01", offset);
        return daysBetween(d, addDays(d, n)) === n && addDays(d, n) === shift(d, n);
      }),
    );
  });

  it("refuses what is not a real date", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-1-01")).toBe(false);
    expect(() => isBankDay("2026-02-30")).toThrow(expect.objectContaining({ code: "invalid_date" }));
    expect(() => addDays("yesterday", 1)).toThrow(DomainError);
    expect(() => addDays("2026-01-01", 0.5)).toThrow(DomainError);
    expect(() => paydayDueDate("2026-13-01")).toThrow(DomainError);
  });
});

describe("date arithmetic against JavaScript's own calendar", () => {
  const utc = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const date = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 0, 1) / 86_400_000 }).map((n) => iso(n * 86_400_000));

  it("agrees on adding days, counting days and the weekday", () => {
    fc.assert(
      fc.property(date, date, fc.integer({ min: -4000, max: 4000 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(iso(utc(a) + n * 86_400_000));
        expect(daysBetween(a, b)).toBe((utc(b) - utc(a)) / 86_400_000);
        expect(dayOfWeek(a)).toBe(new Date(utc(a)).getUTCDay());
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees on adding months, clamped to the end of a shorter month", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), (a, n) => {
        const [y, m, d] = a.split("-").map(Number) as [number, number, number];
        const lastDay = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
        expect(addMonths(a, n)).toBe(iso(Date.UTC(y, m - 1 + n, Math.min(d, lastDay))));
      }),
      { numRuns: 2000 },
    );
  });

  it("knows which strings are real dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const parsed = Date.parse(`${text}T00:00:00Z`);
        expect(isIsoDate(text)).toBe(!Number.isNaN(parsed) && iso(parsed) === text);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("today in Stockholm", () => {
  it("reads the date in Stockholm, not UTC, in winter and summer time", () => {
    expect(todayInStockholm(new Date("2026-12-31T22:59:59Z"))).toBe("2026-12-31");
    expect(todayInStockholm(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01"); // CET, UTC+1
    expect(todayInStockholm(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(todayInStockholm(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02"); // CEST, UTC+2
    expect(todayInStockholm(new Date("2026-03-29T01:30:00Z"))).toBe("2026-03-29"); // the night clocks go forward
  });

  it("answers every moment as a fresh reading of the clock would, whatever was asked before", () => {
    const fresh = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });
    const moment = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms));
    fc.assert(
      fc.property(fc.array(moment, { minLength: 1, maxLength: 20 }), (moments) => {
        for (const m of moments) {
          expect(todayInStockholm(m)).toBe(fresh.format(m));
          // The same minute again, a second later or earlier: still the same day.
          const sameMinute = new Date(m.getTime() - (m.getTime() % 60_000) + 59_000);
          expect(todayInStockholm(sameMinute)).toBe(fresh.format(sameMinute));
        }
      }),
    );
  });

  it("refuses an invalid moment", () => {
    expect(() => todayInStockholm(new Date("nonsense"))).toThrow(DomainError);
  });
});
