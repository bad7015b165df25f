import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBankDays, addDays, addMonths, isBankDay, nextBankDay, payday, paydayDueDate, previousBankDay, todayInStockholm } from "./calendar";

/** Easter Sunday by the anonymous Gregorian algorithm — independent of the holiday library. */
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

/** Sweden's closed days computed by hand from the law's definitions. */
function independentClosedDays(year: number): Set<string> {
  const easter = easterSunday(year);
  const saturdayBetween = (from: string, to: string) => {
    for (let d = from; d <= to; d = addDays(d, 1)) if (new Date(`${d}T00:00:00Z`).getUTCDay() === 6) return d;
    throw new Error("no saturday");
  };
  const midsummerDay = saturdayBetween(`${year}-06-20`, `${year}-06-26`);
  return new Set([
    `${year}-01-01`,
    `${year}-01-06`,
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    `${year}-05-01`,
    addDays(easter, 39),
    addDays(easter, 49),
    `${year}-06-06`,
    addDays(midsummerDay, -1),
    midsummerDay,
    saturdayBetween(`${year}-10-31`, `${year}-11-06`),
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
    `${year}-12-31`,
  ]);
}

describe("bank days", () => {
  it("knows Easter, Ascension, Midsummer, National Day, Christmas and New Year 2026", () => {
    for (const closed of ["2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", "2026-06-06", "2026-12-24", "2026-12-25", "2026-12-31", "2026-01-01", "2026-01-06"]) {
      expect(isBankDay(closed), closed).toBe(false);
    }
    expect(isBankDay("2026-04-02")).toBe(true); // Maundy Thursday is a bank day
    expect(isBankDay("2026-04-07")).toBe(true);
    expect(isBankDay("2026-06-22")).toBe(true);
    expect(isBankDay("2026-11-21")).toBe(false); // a Saturday
  });

  it("moves a deadline over a long weekend and over New Year", () => {
    expect(nextBankDay("2026-04-03")).toBe("2026-04-07");
    expect(nextBankDay("2026-12-24")).toBe("2026-12-28");
    expect(nextBankDay("2026-12-31")).toBe("2027-01-04");
    expect(previousBankDay("2027-01-01")).toBe("2026-12-30");
    expect(nextBankDay("2026-06-19")).toBe("2026-06-22");
  });

  it("counts bank days both ways", () => {
    expect(addBankDays("2026-12-23", 1)).toBe("2026-12-28");
    expect(addBankDays("2026-12-28", -1)).toBe("2026-12-23");
    expect(addBankDays("2026-11-20", 0)).toBe("2026-11-20");
  });

  it("agrees with an independent computation of every closed day 2025–2035", () => {
    for (let year = 2025; year <= 2035; year++) {
      const closed = independentClosedDays(year);
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const weekend = [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
        expect(isBankDay(d), d).toBe(!weekend && !closed.has(d));
      }
    }
  });

  it("nextBankDay is always a bank day, never earlier, and at most a week on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (offset) => {
        const d = addDays("2025-01-01", offset);
        const next = nextBankDay(d);
        return isBankDay(next) && next >= d && next <= addDays(d, 7);
      }),
    );
  });
});

describe("payday and the payday-aware due date", () => {
  it("is the 25th, or the bank day before when the 25th is closed", () => {
    expect(payday(2026, 11)).toBe("2026-11-25"); // a Wednesday
    expect(payday(2026, 10)).toBe("2026-10-23"); // the 25th is a Sunday
    expect(payday(2026, 12)).toBe("2026-12-23"); // the 25th is Christmas Day, the 24th is closed
    expect(payday(2027, 4)).toBe("2027-04-23"); // the 25th is a Sunday
  });

  it("suggests the first bank day on or after the 26th", () => {
    expect(paydayDueDate("2026-11-22")).toBe("2026-11-26");
    expect(paydayDueDate("2026-11-27")).toBe("2026-12-28"); // 26 Dec is Boxing Day, 27 a Sunday
    expect(paydayDueDate("2026-12-01")).toBe("2026-12-28");
    expect(paydayDueDate("2026-09-26")).toBe("2026-09-28"); // the 26th is a Saturday
    expect(paydayDueDate("2026-09-28")).toBe("2026-09-28");
    expect(paydayDueDate("2026-09-29")).toBe("2026-10-26");
  });

  it("is always a bank day after payday", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (offset) => {
        const from = addDays("2025-01-01", offset);
        const due = paydayDueDate(from);
        return isBankDay(due) && due >= from && Number(due.slice(8)) >= 26 && due > payday(Number(due.slice(0, 4)), Number(due.slice(5, 7)));
      }),
    );
  });
});

describe("dates", () => {
  it("adds months, clamping to the month's end, leap years included", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-26", 2)).toBe("2027-01-26");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("reads today in Stockholm, not UTC", () => {
    expect(todayInStockholm(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInStockholm(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(todayInStockholm(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});
