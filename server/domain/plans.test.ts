import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBankDay } from "./calendar";
import { DomainError } from "./errors";
import { allocatePayment, computeCaseBalance, type LedgerAllocation, type LedgerInput } from "./ledger";
import {
  buildSchedule,
  checkPlanAgainstPolicy,
  firstDueDate,
  MAX_SIGN_TEXT_BYTES,
  monthlyFor,
  monthsFor,
  moveInstalment,
  pausePlan,
  PLAN_FEE_CAP_ORE,
  planSignText,
  postponeDueDate,
  rollMissedInstalment,
  type Schedule,
  type ScheduleInput,
  scheduleDates,
  shouldLapse,
  suggestedDueDay,
} from "./plans";

// --- Dates and Swedish bank days, independently of calendar.ts (which relies on date-holidays) -----

const MS_PER_DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const plus = (d: string, days: number) => iso(ms(d) + days * MS_PER_DAY);
const daysFrom = (a: string, b: string) => Math.round((ms(b) - ms(a)) / MS_PER_DAY);
const weekday = (d: string) => new Date(ms(d)).getUTCDay();
const ymd = (y: number, m: number, d: number) => iso(Date.UTC(y, m - 1, d));

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
  return ymd(year, month, day);
}

/** The one day in [from, from + 6] that falls on `dow` (0 Sunday … 6 Saturday). */
function dayInWeek(from: string, dow: number): string {
  return plus(from, (dow - weekday(from) + 7) % 7);
}

const closedDaysCache = new Map<number, Set<string>>();

/** Days Swedish banks are closed besides weekends: the public holidays and the three eves. */
function swedishClosedDays(year: number): Set<string> {
  let days = closedDaysCache.get(year);
  if (days) return days;
  const e = easter(year);
  const midsummerEve = dayInWeek(ymd(year, 6, 19), 5);
  days = new Set([
    ymd(year, 1, 1), // nyårsdagen
    ymd(year, 1, 6), // trettondedag jul
    plus(e, -2), // långfredagen
    e, // påskdagen
    plus(e, 1), // annandag påsk
    ymd(year, 5, 1), // första maj
    plus(e, 39), // Kristi himmelsfärdsdag
    plus(e, 49), // pingstdagen (a Sunday)
    ymd(year, 6, 6), // nationaldagen
    midsummerEve, // midsommarafton, Friday 19–25 June
    plus(midsummerEve, 1), // midsommardagen
    dayInWeek(ymd(year, 10, 31), 6), // alla helgons dag, Saturday 31 Oct – 6 Nov
    ymd(year, 12, 24), // julafton
    ymd(year, 12, 25), // juldagen
    ymd(year, 12, 26), // annandag jul
    ymd(year, 12, 31), // nyårsafton
  ]);
  closedDaysCache.set(year, days);
  return days;
}

function bankDay(d: string): boolean {
  const dow = weekday(d);
  return dow !== 0 && dow !== 6 && !swedishClosedDays(Number(d.slice(0, 4))).has(d);
}

describe("the independent holiday source", () => {
  it("knows Easter and the movable days of a few years", () => {
    expect([2025, 2026, 2027, 2030, 2035].map(easter)).toEqual(["2025-04-20", "2026-04-05", "2027-03-28", "2030-04-21", "2035-03-25"]);
    expect(swedishClosedDays(2025)).toEqual(
      new Set(["2025-01-01", "2025-01-06", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-08", "2025-06-06", "2025-06-20", "2025-06-21", "2025-11-01", "2025-12-24", "2025-12-25", "2025-12-26", "2025-12-31"]),
    );
    expect(dayInWeek("2026-06-19", 5)).toBe("2026-06-19");
    expect(dayInWeek("2026-10-31", 6)).toBe("2026-10-31");
  });
});

describe("bank days", () => {
  it("agree with the independent source on every day of 2025–2035", () => {
    const disagreements: string[] = [];
    let days = 0;
    for (let d = "2025-01-01"; d <= "2035-12-31"; d = plus(d, 1), days++) {
      if (isBankDay(d) !== bankDay(d)) disagreements.push(d);
    }
    expect(days).toBe(4017);
    expect(disagreements).toEqual([]);
  });
});

/** The first bank day on or after `d`, by the independent source. */
function onBankDay(d: string): string {
  let day = d;
  while (!bankDay(day)) day = plus(day, 1);
  return day;
}

/** Plan dates worked out independently: `dueDay` each month from the first at least 7 days ahead, each on a bank day. */
function expectedDates(today: string, dueDay: number, months: number): string[] {
  const earliest = plus(today, 7);
  const [y, m] = earliest.split("-").map(Number) as [number, number];
  const offset = ymd(y, m, dueDay) >= earliest ? 0 : 1;
  return Array.from({ length: months }, (_, k) => onBankDay(ymd(y, m + offset + k, dueDay)));
}

/** The first bank day on or after the 26th that is later than `due`. */
function paydayAfter(due: string): string {
  const [y, m] = due.split("-").map(Number) as [number, number];
  for (let k = 0; ; k++) {
    const d = onBankDay(ymd(y, m + k, 26));
    if (d > due) return d;
  }
}

// --- Arbitraries -------------------------------------------------------------------------------

const FIRST_DAY = "2025-01-01";
const todayArb = fc.integer({ min: 0, max: daysFrom(FIRST_DAY, "2033-12-31") }).map((n) => plus(FIRST_DAY, n));
const dueDayArb = fc.integer({ min: 1, max: 28 });
/** 1 kr – 500 000 kr. */
const balanceArb = fc.integer({ min: 100, max: 50_000_000 });
const feeArb = fc.oneof(fc.constant(0), fc.constant(PLAN_FEE_CAP_ORE), fc.integer({ min: 0, max: PLAN_FEE_CAP_ORE }));
/** No interest, or a principal that is part of the balance at 0–20 % a year. */
const interestArb = (balanceOre: number) =>
  fc.option(fc.record({ principalOre: fc.integer({ min: 0, max: balanceOre }), annualRateBp: fc.integer({ min: 0, max: 2_000 }) }), { nil: null });
const planInputArb = fc
  .record({ balanceOre: balanceArb, months: fc.integer({ min: 1, max: 36 }), today: todayArb, dueDay: dueDayArb, feeOre: feeArb })
  .chain((p) => interestArb(p.balanceOre).map((interest): ScheduleInput => ({ ...p, interest })));

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * Pays a schedule through the ledger, each instalment on its date, the way the payments module
 * books a payment; the balance is one principal plus one fee standing for everything else owed.
 */
function payThroughLedger(input: ScheduleInput, schedule: Schedule) {
  const principalOre = input.interest?.principalOre ?? 0;
  let ledger: LedgerInput = {
    principalOre,
    originalDueDate: input.today,
    charges: [
      { id: "owed", kind: "collection_fee", amountOre: input.balanceOre - principalOre, chargedOn: input.today },
      { id: "plan", kind: "plan_fee", amountOre: input.feeOre, chargedOn: input.today },
    ],
    allocations: [],
    rates: [{ from: "2000-01-01", referenceRateBp: 0 }],
    marginBp: input.interest?.annualRateBp ?? 0,
    asOf: input.today,
  };
  let overpaidOre = 0;
  for (const i of schedule.instalments) {
    const balance = computeCaseBalance({ ...ledger, asOf: i.dueDate });
    const result = allocatePayment(i.amountOre, balance);
    overpaidOre += result.overpaymentOre;
    const booked: LedgerAllocation[] = result.allocations.map((a) => ({ ...a, paymentId: `p${i.seq}`, bookedOn: i.dueDate }));
    ledger = { ...ledger, allocations: [...ledger.allocations, ...booked] };
  }
  return { balance: computeCaseBalance({ ...ledger, asOf: schedule.instalments.at(-1)!.dueDate }), overpaidOre };
}

function expectCode(f: () => unknown, code: string) {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

// --- The schedule ------------------------------------------------------------------------------

describe("a plan's schedule", () => {
  it("adds up to the öre, falls on bank days only, in order, a week ahead and on the due day or just after", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const schedule = buildSchedule(input);
        const parts = schedule.instalments;
        expect(parts).toHaveLength(input.months!);
        expect(sum(parts.map((i) => i.amountOre))).toBe(schedule.totalOre);
        expect(schedule.totalOre).toBe(input.balanceOre + input.feeOre + schedule.interestOre);
        expect(parts.map((i) => i.seq)).toEqual(parts.map((_, k) => k + 1));
        const expected = expectedDates(input.today, input.dueDay, input.months!);
        expect(parts.map((i) => i.dueDate)).toEqual(expected);
        for (const [k, i] of parts.entries()) {
          expect(i.amountOre).toBeGreaterThanOrEqual(1);
          expect(bankDay(i.dueDate), i.dueDate).toBe(true);
          if (k === 0) expect(daysFrom(input.today, i.dueDate)).toBeGreaterThanOrEqual(7);
          else expect(i.dueDate > parts[k - 1]!.dueDate).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("has equal instalments but the last, which is what is left and never more", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const parts = buildSchedule(input).instalments.map((i) => i.amountOre);
        const first = parts[0]!;
        const lastIsSmaller = parts.slice(0, -1).every((p) => p === first) && parts.at(-1)! <= first;
        // Only a month of a few öre may be split evenly instead (see buildSchedule).
        if (first >= 2 * parts.length) expect(lastIsSmaller, parts.join(",")).toBe(true);
        else expect(lastIsSmaller || Math.max(...parts) - Math.min(...parts) <= 2, parts.join(",")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("estimates exactly the interest the ledger books when every instalment is paid on its date", () => {
    fc.assert(
      fc.property(planInputArb, (input) => {
        const schedule = buildSchedule(input);
        const { balance, overpaidOre } = payThroughLedger(input, schedule);
        expect(balance.interest.accruedOre).toBe(schedule.interestOre);
        expect(balance.leftOre).toBe(0);
        expect(overpaidOre).toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("with an amount a month: every instalment that amount, the last what is left", () => {
    fc.assert(
      fc.property(balanceArb, fc.integer({ min: 100_00, max: 1_000_000 }), todayArb, dueDayArb, feeArb, fc.integer({ min: 0, max: 2_000 }), (balanceOre, monthlyOre, today, dueDay, feeOre, annualRateBp) => {
        fc.pre(monthsFor(balanceOre + feeOre, monthlyOre) <= 36);
        const input = { balanceOre, feeOre, interest: { principalOre: balanceOre, annualRateBp }, monthlyOre, dueDay, today };
        const schedule = buildSchedule(input);
        const parts = schedule.instalments;
        expect(sum(parts.map((i) => i.amountOre))).toBe(schedule.totalOre);
        for (const p of parts.slice(0, -1)) expect(p.amountOre).toBe(monthlyOre);
        expect(parts.at(-1)!.amountOre).toBeGreaterThan(0);
        expect(parts.at(-1)!.amountOre).toBeLessThanOrEqual(monthlyOre);
        expect(parts.length).toBeGreaterThanOrEqual(monthsFor(balanceOre + feeOre, monthlyOre));
        for (const p of parts) expect(bankDay(p.dueDate), p.dueDate).toBe(true);
        const { balance } = payThroughLedger(input, schedule);
        expect(balance.leftOre).toBe(0);
        expect(balance.interest.accruedOre).toBe(schedule.interestOre);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("never breaks the policy it was made within", () => {
    const policyArb = fc.record({ minInstalmentOre: fc.integer({ min: 100_00, max: 1_000_00 }), maxPlanMonths: fc.integer({ min: 1, max: 36 }) });
    fc.assert(
      fc.property(planInputArb, policyArb, fc.nat(), (input, policy, pick) => {
        const base = input.balanceOre + input.feeOre;
        // Any length the policy allows at which the monthly amount is still at least the minimum.
        const longest = Math.min(policy.maxPlanMonths, Math.max(1, Math.floor(base / policy.minInstalmentOre)));
        const months = 1 + (pick % longest);
        fc.pre(months === 1 || monthlyFor(base, months) >= policy.minInstalmentOre);
        const schedule = buildSchedule({ ...input, months });
        expect(checkPlanAgainstPolicy(schedule, policy)).toEqual({ inside: true, reasons: [] });
        const shape = { monthlyOre: schedule.instalments[0]!.amountOre, months: schedule.instalments.length };
        expect(checkPlanAgainstPolicy(shape, policy)).toEqual({ inside: true, reasons: [] });
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(balanceArb, policyArb, fc.integer({ min: 0, max: 100_00 }), todayArb, dueDayArb, (balanceOre, policy, extra, today, dueDay) => {
        const monthlyOre = policy.minInstalmentOre + extra;
        fc.pre(monthsFor(balanceOre, monthlyOre) <= 60);
        const schedule = buildSchedule({ balanceOre, feeOre: 0, interest: { principalOre: balanceOre, annualRateBp: 1_000 }, monthlyOre, dueDay, today });
        const check = checkPlanAgainstPolicy(schedule, policy);
        expect(check.reasons).not.toContain("below_minimum");
        expect(check.inside).toBe(schedule.instalments.length <= policy.maxPlanMonths);
      }),
      { numRuns: 200 },
    );
  });

  it("matches a worked example", () => {
    const schedule = buildSchedule({ balanceOre: 1_234_50, feeOre: PLAN_FEE_CAP_ORE, interest: { principalOre: 1_000_00, annualRateBp: 1_000 }, months: 3, dueDay: 26, today: "2026-11-24" });
    // 26 Nov is too soon, 26 Dec is annandag jul and 27 Dec a Sunday; 26 Jan and 26 Feb are bank days.
    expect(schedule.instalments.map((i) => i.dueDate)).toEqual(["2026-12-28", "2027-01-26", "2027-02-26"]);
    // By hand: 34 days on 1 000 kr at 10 % is 9,3151 kr. The first 475,09 kr pays the fees (404,50 kr)
    // and that interest first, leaving 61,27 kr for principal: 938,73 kr for 29 days is 7,4584 kr more.
    // The second leaves 467,64 kr for principal: 471,09 kr for 31 days is 4,0010 kr. In all
    // 20,7745 kr, rounded once: 20,77 kr; 1 404,50 + 20,77 = 1 425,27 kr = 3 × 475,09 kr.
    expect(schedule).toEqual({
      instalments: [
        { seq: 1, dueDate: "2026-12-28", amountOre: 47_509 },
        { seq: 2, dueDate: "2027-01-26", amountOre: 47_509 },
        { seq: 3, dueDate: "2027-02-26", amountOre: 47_509 },
      ],
      feeOre: 17_000,
      interestOre: 2_077,
      totalOre: 142_527,
    });
    const noInterest = buildSchedule({ balanceOre: 1_000, feeOre: 0, interest: null, months: 3, dueDay: 26, today: "2026-11-24" });
    expect(noInterest.instalments.map((i) => i.amountOre)).toEqual([334, 334, 332]);
    expect(noInterest.interestOre).toBe(0);
  });

  it("refuses what cannot be a plan", () => {
    const ok: ScheduleInput = { balanceOre: 100_000, feeOre: 0, interest: null, months: 3, dueDay: 26, today: "2026-11-24" };
    expectCode(() => buildSchedule({ ...ok, feeOre: PLAN_FEE_CAP_ORE + 1 }), "plan_fee_above_cap");
    expectCode(() => buildSchedule({ ...ok, months: 0 }), "plan_months_invalid");
    expectCode(() => buildSchedule({ ...ok, months: 121 }), "plan_months_invalid");
    expectCode(() => buildSchedule({ ...ok, months: null, monthlyOre: null }), "plan_amount_required");
    expectCode(() => buildSchedule({ ...ok, dueDay: 29 }), "plan_due_day_invalid");
    expectCode(() => buildSchedule({ ...ok, today: "2026-02-30" }), "invalid_date");
    expectCode(() => buildSchedule({ ...ok, interest: { principalOre: 100_001, annualRateBp: 1_000 } }), "invalid_amount");
    // 10 kr a month never catches up with 10 % a year on 100 000 kr.
    expectCode(() => buildSchedule({ ...ok, months: null, monthlyOre: 1_000, balanceOre: 10_000_000, interest: { principalOre: 10_000_000, annualRateBp: 1_000 } }), "plan_months_invalid");
  });
});

describe("the due day and the two questions", () => {
  it("suggests the 26th: the day after payday", () => {
    expect(suggestedDueDay("2026-11-24")).toBe(26);
    expect(suggestedDueDay("2027-02-01")).toBe(26);
  });

  it("puts the first instalment on the due day at least a week ahead, moved to a bank day", () => {
    expect(firstDueDate("2026-11-24", 26)).toBe("2026-12-28"); // 26 Nov is too soon; 26 Dec is annandag jul, 27 a Sunday
    expect(firstDueDate("2026-11-10", 26)).toBe("2026-11-26");
    expect(firstDueDate("2026-11-19", 26)).toBe("2026-11-26"); // exactly a week
    expect(firstDueDate("2026-11-20", 26)).toBe("2026-12-28");
    expect(firstDueDate("2027-01-20", 28)).toBe("2027-01-28");
    expect(firstDueDate("2027-01-22", 28)).toBe("2027-03-01"); // 28 Jan too soon; 28 Feb a Sunday
    expect(firstDueDate("2026-06-01", 19)).toBe("2026-06-22"); // midsommarafton 19 June
    expectCode(() => firstDueDate("2026-11-10", 29), "plan_due_day_invalid");
    expectCode(() => firstDueDate("2026-11-10", 0), "plan_due_day_invalid");
    fc.assert(
      fc.property(todayArb, dueDayArb, (today, dueDay) => {
        const first = firstDueDate(today, dueDay);
        expect(bankDay(first)).toBe(true);
        expect(daysFrom(today, first)).toBeGreaterThanOrEqual(7);
        expect(daysFrom(today, first)).toBeLessThanOrEqual(7 + 31 + 5);
        expect(scheduleDates(today, dueDay, 1)).toEqual([first]);
      }),
    );
  });

  it("answers how many months for an amount, and how much a month for a number of months", () => {
    expect(monthsFor(100_000, 30_000)).toBe(4);
    expect(monthsFor(90_000, 30_000)).toBe(3);
    expect(monthsFor(0, 30_000)).toBe(1);
    expect(monthlyFor(100_000, 3)).toBe(33_334);
    expect(monthlyFor(90_000, 3)).toBe(30_000);
    expectCode(() => monthsFor(100_000, 0), "invalid_amount");
    expectCode(() => monthlyFor(100_000, 0), "plan_months_invalid");
    fc.assert(
      fc.property(balanceArb, fc.integer({ min: 1, max: 120 }), (balanceOre, months) => {
        const monthly = monthlyFor(balanceOre, months);
        expect(monthly * months).toBeGreaterThanOrEqual(balanceOre);
        expect((monthly - 1) * months).toBeLessThan(balanceOre);
        expect(monthsFor(balanceOre, monthly)).toBeLessThanOrEqual(months);
      }),
    );
  });
});

describe("the policy check", () => {
  const policy = { minInstalmentOre: 200_00, maxPlanMonths: 12 };

  it("says why a plan is outside policy", () => {
    expect(checkPlanAgainstPolicy({ monthlyOre: 150_00, months: 24 }, policy)).toEqual({ inside: false, reasons: ["below_minimum", "too_long"] });
    expect(checkPlanAgainstPolicy({ monthlyOre: 250_00, months: 13 }, policy)).toEqual({ inside: false, reasons: ["too_long"] });
    expect(checkPlanAgainstPolicy({ monthlyOre: 200_00, months: 12 }, policy)).toEqual({ inside: true, reasons: [] });
    // One payment is the last one: it may be small.
    expect(checkPlanAgainstPolicy({ monthlyOre: 50_00, months: 1 }, policy).inside).toBe(true);
  });

  it("checks each instalment but the last when given the instalments", () => {
    const parts = (...amounts: number[]) => ({ instalments: amounts.map((amountOre) => ({ amountOre })) });
    expect(checkPlanAgainstPolicy(parts(200_00, 200_00, 1), policy).inside).toBe(true);
    expect(checkPlanAgainstPolicy(parts(200_00, 199_99, 200_00), policy).reasons).toEqual(["below_minimum"]);
    expect(checkPlanAgainstPolicy(parts(...Array.from({ length: 13 }, () => 300_00)), policy).reasons).toEqual(["too_long"]);
  });
});

describe("missed instalments", () => {
  const schedule = buildSchedule({ balanceOre: 300_000, feeOre: 0, interest: null, months: 3, dueDay: 26, today: "2026-11-24" }).instalments;

  it("move the amount to the end, a month after the last instalment, on a bank day", () => {
    expect(schedule.map((i) => i.dueDate)).toEqual(["2026-12-28", "2027-01-26", "2027-02-26"]);
    const rolled = rollMissedInstalment(schedule, 1, "2027-01-05");
    expect(rolled.slice(0, 3)).toEqual(schedule);
    // 26 March 2027 is långfredagen and 29 March annandag påsk.
    expect(rolled[3]).toEqual({ seq: 4, dueDate: "2027-03-30", amountOre: schedule[0]!.amountOre });
    // Rolled again: a month after the rolled one, 30 April 2027, a Friday.
    expect(rollMissedInstalment(rolled, 2, "2027-02-02")[4]).toEqual({ seq: 5, dueDate: "2027-04-30", amountOre: schedule[1]!.amountOre });
    // Told the plan's due day, the plan keeps it: 26 April.
    expect(rollMissedInstalment(rolled, 2, "2027-02-02", 26)[4]).toEqual({ seq: 5, dueDate: "2027-04-26", amountOre: schedule[1]!.amountOre });
    expect(rollMissedInstalment(schedule, 1, "2027-01-05", 26)[3]!.dueDate).toBe("2027-03-30");
  });

  it("never put the new date in the past or too close", () => {
    // A month after 26 Feb is too close to 25 March: the month after that.
    expect(rollMissedInstalment(schedule, 3, "2027-03-25")[3]!.dueDate).toBe("2027-04-30");
    expect(rollMissedInstalment(schedule, 3, "2027-03-25", 26)[3]!.dueDate).toBe("2027-04-26");
    expect(rollMissedInstalment(schedule, 3, "2027-03-18")[3]!.dueDate).toBe("2027-03-30");
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 90 }), fc.option(dueDayArb, { nil: undefined }), (seq, after, dueDay) => {
        const today = plus("2026-12-28", after);
        const added = rollMissedInstalment(schedule, seq, today, dueDay).at(-1)!;
        expect(bankDay(added.dueDate)).toBe(true);
        expect(added.dueDate > "2027-02-26").toBe(true);
        expect(daysFrom(today, added.dueDate)).toBeGreaterThanOrEqual(7);
      }),
    );
    expectCode(() => rollMissedInstalment(schedule, 9, "2027-01-05"), "instalment_not_found");
  });

  it("end the plan at two in a row", () => {
    expect([0, 1, 2, 3].map(shouldLapse)).toEqual([false, false, true, true]);
  });
});

describe("forbearance", () => {
  it("moves an instalment once, up to 14 days later, to a bank day that has not passed", () => {
    const instalment = { dueDate: "2026-12-28", movedFrom: null };
    expect(moveInstalment(instalment, "2027-01-08", "2026-12-01")).toEqual({ dueDate: "2027-01-08" });
    expect(moveInstalment(instalment, "2027-01-11", "2026-12-01")).toEqual({ dueDate: "2027-01-11" }); // exactly 14 days
    expectCode(() => moveInstalment(instalment, "2027-01-12", "2026-12-01"), "move_too_far");
    expectCode(() => moveInstalment(instalment, "2027-01-06", "2026-12-01"), "not_a_bank_day"); // trettondedag jul
    expectCode(() => moveInstalment(instalment, "2027-01-09", "2026-12-01"), "not_a_bank_day"); // a Saturday
    expectCode(() => moveInstalment(instalment, "2026-12-28", "2026-12-01"), "move_not_later");
    expectCode(() => moveInstalment(instalment, "2026-12-29", "2026-12-30"), "move_in_the_past");
    expectCode(() => moveInstalment({ ...instalment, movedFrom: "2026-12-20" }, "2027-01-04", "2026-12-01"), "instalment_already_moved");
    expectCode(() => moveInstalment(instalment, "2027-13-01", "2026-12-01"), "invalid_date");
  });

  it("accepts exactly the bank days 1–14 days later", () => {
    fc.assert(
      fc.property(todayArb, fc.integer({ min: 1, max: 20 }), (due, shift) => {
        const newDate = plus(due, shift);
        const allowed = shift <= 14 && bankDay(newDate);
        let moved: string | null = null;
        try {
          moved = moveInstalment({ dueDate: due, movedFrom: null }, newDate, due).dueDate;
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
        }
        expect(moved).toBe(allowed ? newDate : null);
      }),
    );
  });

  it("moves a due date to after payday within the creditor's limit, once", () => {
    // 23 Dec → 26 Dec is annandag jul, 27 a Sunday: Monday 28 Dec.
    expect(postponeDueDate("2026-12-23", 14, false, "2026-12-01")).toBe("2026-12-28");
    expect(postponeDueDate("2027-04-23", 14, false, "2027-04-01")).toBe("2027-04-26");
    // 26 March 2027 is långfredagen, 29 March annandag påsk.
    expect(postponeDueDate("2027-03-23", 14, false, "2027-03-01")).toBe("2027-03-30");
    // The 26th is too far: the latest bank day within the limit.
    expect(postponeDueDate("2026-12-02", 14, false, "2026-12-01")).toBe("2026-12-16");
    // On or after the 26th already: the 26th of the next month if the limit reaches it.
    expect(postponeDueDate("2027-01-26", 31, false, "2027-01-10")).toBe("2027-02-26");
    expect(postponeDueDate("2027-01-26", 14, false, "2027-01-10")).toBe("2027-02-09");
    expectCode(() => postponeDueDate("2026-12-23", 14, true, "2026-12-01"), "due_date_already_moved");
    expectCode(() => postponeDueDate("2026-12-23", 0, false, "2026-12-01"), "due_date_move_not_allowed");
    // A limit of one day from a Friday reaches only Saturday.
    expectCode(() => postponeDueDate("2027-01-15", 1, false, "2027-01-10"), "due_date_move_not_allowed");
  });

  it("postpones to a later bank day within the limit: after payday when the limit reaches it", () => {
    fc.assert(
      fc.property(todayArb, fc.integer({ min: 1, max: 45 }), fc.integer({ min: 0, max: 20 }), (due, limit, early) => {
        const today = plus(due, -early);
        let moved: string;
        try {
          moved = postponeDueDate(due, limit, false, today);
        } catch (error) {
          expect((error as DomainError).code).toBe("due_date_move_not_allowed");
          // Only when no bank day lies in (due, due + limit].
          for (let d = plus(due, 1); d <= plus(due, limit); d = plus(d, 1)) expect(bankDay(d), d).toBe(false);
          return;
        }
        expect(moved > due).toBe(true);
        expect(daysFrom(due, moved)).toBeLessThanOrEqual(limit);
        expect(bankDay(moved)).toBe(true);
        // The first bank day on or after the 26th after the due date.
        const payday = paydayAfter(due);
        if (daysFrom(due, payday) <= limit) expect(moved).toBe(payday);
        else {
          expect(moved < payday).toBe(true);
          for (let d = plus(moved, 1); d <= plus(due, limit); d = plus(d, 1)) expect(bankDay(d), d).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("pauses a plan for a month only when the creditor allows it", () => {
    const schedule = buildSchedule({ balanceOre: 300_000, feeOre: 0, interest: null, months: 3, dueDay: 26, today: "2026-11-24" }).instalments;
    const paused = pausePlan(schedule, true, "2026-12-01");
    expect(paused.pausedUntil).toBe("2027-01-01");
    // 28 Dec + a month is 28 Jan; 26 March 2027 is långfredagen and 29 March annandag påsk.
    expect(paused.instalments.map((i) => i.dueDate)).toEqual(["2027-01-28", "2027-02-26", "2027-03-30"]);
    // Told the due day, the first one goes back to the 26th: it was 28 Dec only because of Christmas.
    expect(pausePlan(schedule, true, "2026-12-01", 26).instalments.map((i) => i.dueDate)).toEqual(["2027-01-26", "2027-02-26", "2027-03-30"]);
    // An instalment the debtor moved keeps its day of the month.
    expect(pausePlan([{ seq: 1, dueDate: "2027-01-08", amountOre: 1 }], true, "2026-12-01", 26).instalments[0]!.dueDate).toBe("2027-02-08");
    expect(paused.instalments.map((i) => i.amountOre)).toEqual(schedule.map((i) => i.amountOre));
    expect(pausePlan(schedule, { allowPlanPause: true }, "2026-12-01")).toEqual(paused);
    expectCode(() => pausePlan(schedule, false, "2026-12-01"), "plan_pause_not_allowed");
    expectCode(() => pausePlan(schedule, { allowPlanPause: false }, "2026-12-01"), "plan_pause_not_allowed");
    fc.assert(
      fc.property(planInputArb, fc.boolean(), (input, withDueDay) => {
        const parts = buildSchedule(input).instalments;
        const moved = pausePlan(parts, true, input.today, withDueDay ? input.dueDay : undefined).instalments;
        if (withDueDay) expect(moved.map((i) => i.dueDate)).toEqual(expectedDates(input.today, input.dueDay, input.months! + 1).slice(1));
        for (const [k, i] of moved.entries()) {
          expect(bankDay(i.dueDate)).toBe(true);
          expect(daysFrom(parts[k]!.dueDate, i.dueDate)).toBeGreaterThanOrEqual(23);
          if (k > 0) expect(i.dueDate > moved[k - 1]!.dueDate).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("what the debtor signs", () => {
  const schedule = buildSchedule({ balanceOre: 1_234_50, feeOre: PLAN_FEE_CAP_ORE, interest: { principalOre: 1_000_00, annualRateBp: 1_050 }, months: 3, dueDay: 26, today: "2026-11-24" });
  const cases = [
    { caseNumber: "K-2026-004201", creditorName: "Norrsken Mobil AB" },
    { caseNumber: "K-2026-004388", creditorName: "Bostads AB Lärkan" },
  ];
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

  it("states the plan in Swedish: cases, every date and amount, fee, interest, total and what a missed payment means", () => {
    const text = plain(planSignText("sv", { name: "Sara Nilsson", cases, ...schedule, annualRateBp: 1_050 }));
    expect(text.startsWith("# Avbetalningsplan\n")).toBe(true);
    expect(text).toContain("Jag, Sara Nilsson, godkänner");
    expect(text).toContain("Norrsken Mobil AB, ärende K-2026-004201");
    expect(text).toContain("Bostads AB Lärkan, ärende K-2026-004388");
    expect(text).toContain("1. måndag 28 december 2026: ");
    expect(text).toContain("2. tisdag 26 januari 2027: ");
    expect(text).toContain("3. fredag 26 februari 2027: ");
    for (const i of schedule.instalments) expect(text).toContain(`: ${plain(formatSv(i.amountOre))}\n`);
    expect(text).toContain("Avgift för planen: 170,00 kr (högst 170 kr enligt lag (1981:739)");
    expect(text).toContain(`Uppskattad dröjsmålsränta under planen (10,5 % per år på den del av kapitalbeloppet som inte är betald): ${plain(formatSv(schedule.interestOre))}`);
    expect(text).toContain(`Totalt att betala: ${plain(formatSv(schedule.totalOre))}`);
    expect(text).toMatch(/flyttas beloppet till sist i planen/);
    expect(text).toMatch(/två delbetalningar i rad/);
    expect(text).not.toMatch(/\r/);
  });

  it("and in English", () => {
    const text = plain(planSignText("en", { name: "Sara Nilsson", cases, ...schedule, feeOre: 0, totalOre: schedule.totalOre - schedule.feeOre }));
    expect(text.startsWith("# Instalment plan\n")).toBe(true);
    expect(text).toContain("I, Sara Nilsson, agree to pay according to this plan.");
    expect(text).toContain("Norrsken Mobil AB, case K-2026-004201");
    expect(text).toMatch(/\n1\. Monday,? 28 December 2026: SEK /);
    expect(text).toContain("No fee is charged for the plan.");
    expect(text).toMatch(/Estimated late-payment interest during the plan: SEK \d+\.\d\d/);
    expect(text).toContain("two payments in a row");
    expect(plain(planSignText("en", { name: "A", cases, instalments: [{ seq: 1, dueDate: "2027-01-26", amountOre: 123_450 }], feeOre: 0, interestOre: 0, totalOre: 123_450 }))).toMatch(
      /\n1\. Tuesday,? 26 January 2027: SEK 1,234\.50\n/,
    );
  });

  it("is refused rather than cut short when it is too long for BankID", () => {
    const many = Array.from({ length: 400 }, (_, k) => ({ caseNumber: `K-2026-${String(k).padStart(6, "0")}`, creditorName: "Ett mycket långt borgenärsnamn AB ".repeat(3) }));
    expectCode(() => planSignText("sv", { name: "Sara", cases: many, ...schedule }), "sign_text_too_long");
    const longest = buildSchedule({ balanceOre: 50_000_000, feeOre: PLAN_FEE_CAP_ORE, interest: { principalOre: 50_000_000, annualRateBp: 2_000 }, months: 120, dueDay: 26, today: "2026-11-24" });
    const text = planSignText("sv", { name: "Sara Nilsson", cases, ...longest });
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_SIGN_TEXT_BYTES);
    expect(Buffer.from(text, "utf8").toString("base64").length).toBeLessThanOrEqual(40_000);
  });
});

function formatSv(ore: number): string {
  const kr = Math.floor(ore / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${kr},${String(ore % 100).padStart(2, "0")} kr`;
}
