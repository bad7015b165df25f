import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isBankDay } from "./calendar";
import { instalmentsIcs } from "./ics";
import {
  buildSchedule,
  checkPlanAgainstPolicy,
  firstDueDate,
  moveInstalment,
  pausePlan,
  PLAN_FEE_CAP_ORE,
  planSignText,
  postponeDueDate,
  rollMissedInstalment,
  shouldLapse,
} from "./plans";

// --- An independent source of Swedish bank holidays (not date-holidays, which calendar.ts uses) ----

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easter(year: number): string {
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

/** The weekday (0 Sunday … 6 Saturday) of a date, computed with Date.UTC. */
const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The one day in [from, from + 6] that falls on `dow`. */
function dayInWeek(from: string, dow: number): string {
  for (let n = 0; n < 7; n++) if (weekday(addDays(from, n)) === dow) return addDays(from, n);
  throw new Error("unreachable");
}

function swedishClosedDays(year: number): Set<string> {
  const e = easter(year);
  const midsummerEve = dayInWeek(`${year}-06-19`, 5);
  return new Set([
    `${year}-01-01`, // nyårsdagen
    `${year}-01-06`, // trettondedag jul
    addDays(e, -2), // långfredagen
    e, // påskdagen
    addDays(e, 1), // annandag påsk
    `${year}-05-01`,
    addDays(e, 39), // Kristi himmelsfärdsdag
    addDays(e, 49), // pingstdagen (a Sunday)
    `${year}-06-06`, // nationaldagen
    midsummerEve,
    addDays(midsummerEve, 1), // midsommardagen
    dayInWeek(`${year}-10-31`, 6), // alla helgons dag
    `${year}-12-24`,
    `${year}-12-25`,
    `${year}-12-26`,
    `${year}-12-31`,
  ]);
}

describe("bank days", () => {
  it("agree with an independent holiday calendar for every day of 2025–2035", () => {
    const disagreements: string[] = [];
    for (let year = 2025; year <= 2035; year++) {
      const closed = swedishClosedDays(year);
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const expected = weekday(d) !== 0 && weekday(d) !== 6 && !closed.has(d);
        if (isBankDay(d) !== expected) disagreements.push(d);
      }
    }
    expect(disagreements).toEqual([]);
    expect(easter(2026)).toBe("2026-04-05");
  });
});

const dateArb = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2033-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const policyArb = fc.record({ minInstalmentOre: fc.integer({ min: 100_00, max: 1_000_00 }), maxPlanMonths: fc.integer({ min: 1, max: 36 }) });

describe("a plan's schedule", () => {
  it("adds up to the öre, falls on bank days only, in order, from a week ahead", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 50_000_000 }),
        fc.integer({ min: 1, max: 36 }),
        dateArb,
        fc.integer({ min: 1, max: 28 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 0, max: 1_500 })),
        (balanceOre, months, today, dueDay, fee, rate) => {
          const feeOre = fee ? PLAN_FEE_CAP_ORE : 0;
          const schedule = buildSchedule({ balanceOre, feeOre, interest: rate === null ? null : { principalOre: balanceOre, annualRateBp: rate }, months, dueDay, today });
          expect(schedule.instalments).toHaveLength(months);
          expect(schedule.instalments.reduce((s, i) => s + i.amountOre, 0)).toBe(schedule.totalOre);
          expect(schedule.totalOre).toBe(balanceOre + feeOre + schedule.interestOre);
          expect(schedule.interestOre).toBeGreaterThanOrEqual(0);
          const amounts = schedule.instalments.map((i) => i.amountOre);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
          for (const [k, i] of schedule.instalments.entries()) {
            expect(isBankDay(i.dueDate), i.dueDate).toBe(true);
            if (k === 0) expect(daysBetween(today, i.dueDate)).toBeGreaterThanOrEqual(7);
            else expect(i.dueDate > schedule.instalments[k - 1]!.dueDate).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with an amount a month: every part that amount, the last what is left", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_00, max: 5_000_000 }), fc.integer({ min: 100_00, max: 1_000_000 }), dateArb, fc.integer({ min: 1, max: 28 }), (balanceOre, monthlyOre, today, dueDay) => {
        fc.pre(Math.ceil(balanceOre / monthlyOre) <= 48);
        const schedule = buildSchedule({ balanceOre, feeOre: 0, interest: { principalOre: balanceOre, annualRateBp: 1_000 }, monthlyOre, dueDay, today });
        const parts = schedule.instalments;
        expect(parts.reduce((s, i) => s + i.amountOre, 0)).toBe(schedule.totalOre);
        for (const p of parts.slice(0, -1)) expect(p.amountOre).toBe(monthlyOre);
        expect(parts.at(-1)!.amountOre).toBeGreaterThan(0);
        expect(parts.at(-1)!.amountOre).toBeLessThanOrEqual(monthlyOre);
      }),
      { numRuns: 200 },
    );
  });

  it("never breaks the policy it was made within", () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_00, max: 10_000_000 }), policyArb, dateArb, fc.integer({ min: 1, max: 28 }), (balanceOre, policy, today, dueDay) => {
        // The longest plan the policy allows whose parts are still at least the minimum.
        const months = Math.max(1, Math.min(policy.maxPlanMonths, Math.floor(balanceOre / policy.minInstalmentOre)));
        const schedule = buildSchedule({ balanceOre, feeOre: 0, interest: null, months, dueDay, today });
        const check = checkPlanAgainstPolicy({ monthlyOre: Math.min(...schedule.instalments.map((i) => i.amountOre)), months: schedule.instalments.length }, policy);
        expect(check).toEqual({ inside: true, reasons: [] });
      }),
      { numRuns: 300 },
    );
  });

  it("says why a plan is outside policy", () => {
    expect(checkPlanAgainstPolicy({ monthlyOre: 150_00, months: 24 }, { minInstalmentOre: 200_00, maxPlanMonths: 12 }).reasons).toEqual(["below_minimum", "too_long"]);
    expect(checkPlanAgainstPolicy({ monthlyOre: 50_00, months: 1 }, { minInstalmentOre: 200_00, maxPlanMonths: 12 }).inside).toBe(true);
  });

  it("suggests the first bank day on or after the 26th, a week or more ahead", () => {
    expect(firstDueDate("2026-11-24", 26)).toBe("2026-12-28"); // 26 Nov is too soon; 26 Dec is annandag jul, 27 a Sunday
    expect(firstDueDate("2026-11-10", 26)).toBe("2026-11-26");
    expect(() => firstDueDate("2026-11-10", 29)).toThrow(expect.objectContaining({ code: "plan_due_day_invalid" }));
  });

  it("refuses a fee above the legal cap", () => {
    expect(() => buildSchedule({ balanceOre: 100_000, feeOre: PLAN_FEE_CAP_ORE + 1, interest: null, months: 3, dueDay: 26, today: "2026-11-24" })).toThrow(expect.objectContaining({ code: "plan_fee_above_cap" }));
  });
});

describe("missed instalments", () => {
  it("move the amount to the end, and two in a row end the plan", () => {
    const schedule = buildSchedule({ balanceOre: 300_000, feeOre: 0, interest: null, months: 3, dueDay: 26, today: "2026-11-24" }).instalments;
    const rolled = rollMissedInstalment(schedule, 1, "2027-01-05");
    expect(rolled).toHaveLength(4);
    expect(rolled[3]).toMatchObject({ seq: 4, amountOre: schedule[0]!.amountOre });
    expect(isBankDay(rolled[3]!.dueDate)).toBe(true);
    expect(rolled[3]!.dueDate > schedule[2]!.dueDate).toBe(true);
    expect(shouldLapse(1)).toBe(false);
    expect(shouldLapse(2)).toBe(true);
  });
});

describe("forbearance", () => {
  it("moves an instalment once, up to 14 days later, to a bank day", () => {
    const instalment = { dueDate: "2026-12-28", movedFrom: null };
    expect(moveInstalment(instalment, "2027-01-08", "2026-12-01")).toEqual({ dueDate: "2027-01-08" });
    expect(() => moveInstalment(instalment, "2027-01-12", "2026-12-01")).toThrow(expect.objectContaining({ code: "move_too_far" }));
    expect(() => moveInstalment(instalment, "2027-01-06", "2026-12-01")).toThrow(expect.objectContaining({ code: "not_a_bank_day" })); // trettondedag jul
    expect(() => moveInstalment(instalment, "2026-12-27", "2026-12-01")).toThrow(expect.objectContaining({ code: "move_not_later" }));
    expect(() => moveInstalment({ ...instalment, movedFrom: "2026-12-20" }, "2027-01-04", "2026-12-01")).toThrow(expect.objectContaining({ code: "instalment_already_moved" }));
  });

  it("moves a due date to after payday within the creditor's limit, once", () => {
    expect(postponeDueDate("2026-12-23", 14, false, "2026-12-01")).toBe("2026-12-28");
    // The 26th is too far: the latest bank day within the limit.
    expect(postponeDueDate("2026-12-02", 14, false, "2026-12-01")).toBe("2026-12-16");
    expect(() => postponeDueDate("2026-12-23", 14, true, "2026-12-01")).toThrow(expect.objectContaining({ code: "due_date_already_moved" }));
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 3, max: 30 }), (due, limit) => {
        try {
          const moved = postponeDueDate(due, limit, false, addDays(due, -10));
          expect(moved > due).toBe(true);
          expect(daysBetween(due, moved)).toBeLessThanOrEqual(limit);
          expect(isBankDay(moved)).toBe(true);
        } catch (error) {
          expect(error).toMatchObject({ code: "due_date_move_not_allowed" });
        }
      }),
    );
  });

  it("pauses a plan for a month only when allowed", () => {
    const schedule = buildSchedule({ balanceOre: 300_000, feeOre: 0, interest: null, months: 3, dueDay: 26, today: "2026-11-24" }).instalments;
    const paused = pausePlan(schedule, true, "2026-12-01");
    expect(paused.pausedUntil).toBe("2027-01-01");
    for (const [k, i] of paused.instalments.entries()) {
      expect(isBankDay(i.dueDate)).toBe(true);
      expect(i.dueDate > schedule[k]!.dueDate).toBe(true);
    }
    expect(() => pausePlan(schedule, false, "2026-12-01")).toThrow(expect.objectContaining({ code: "plan_pause_not_allowed" }));
  });
});

describe("what is signed and what goes in the calendar", () => {
  const schedule = buildSchedule({ balanceOre: 123_450, feeOre: PLAN_FEE_CAP_ORE, interest: { principalOre: 100_000, annualRateBp: 1_000 }, months: 3, dueDay: 26, today: "2026-11-24" });

  it("the BankID text states the plan: every date and amount, the fee, the total, the rules", () => {
    const text = planSignText("sv", { name: "Sara Nilsson", cases: [{ caseNumber: "K-2026-004201", creditorName: "Norrsken Mobil AB" }], ...schedule });
    expect(text).toContain("Sara Nilsson");
    expect(text).toContain("K-2026-004201");
    expect(text).toMatch(/170,00\skr/);
    for (const i of schedule.instalments) expect(text).toContain(`${i.seq}. `);
    expect(text).toMatch(/två i rad/);
    expect(planSignText("en", { name: "Sara", cases: [], ...schedule })).toMatch(/SEK\s170\.00/);
  });

  it("the calendar file is RFC 5545: CRLF, folded lines, escaped text, one event per date", () => {
    const ics = instalmentsIcs({ planId: "p1", title: "Plan, Norrsken; Mobil", instalments: schedule.instalments, locale: "sv", url: "https://kvitt.example/plans/p1", dtstamp: new Date("2026-11-24T10:00:00Z") });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(ics.replace(/\r\n/g, "").includes("\n")).toBe(false);
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBe(3);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${schedule.instalments[0]!.dueDate.replace(/-/g, "")}`);
    expect(ics).toContain("UID:p1-1@kvitt");
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("X-WR-CALNAME:Plan\\, Norrsken\\; Mobil");
  });
});
