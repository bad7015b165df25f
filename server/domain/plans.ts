import { addDays, addMonths, daysBetween, isBankDay, isIsoDate, nextBankDay, previousBankDay, type IsoDate } from "./calendar";
import { DomainError } from "./errors";
import { FEE_RULES } from "./fees";
import { accrueInterest } from "./interest";
import { allocate, formatMoney, formatMoneyShort, type Ore } from "./money";

/**
 * Instalment plans: the schedule, the policy check, missed instalments and forbearance. Pure: dates
 * and amounts in, dates and amounts out. Money in öre; dates are ISO days in Stockholm.
 */

/** A creditor's rules for plans (the creditor_policies table). */
export interface PlanPolicy {
  minInstalmentOre: Ore;
  maxPlanMonths: number;
  maxDueDateShiftDays: number;
  chargePlanFee: boolean;
  allowPlanPause: boolean;
}

/** Avbetalningsavgift: at most 170 kr by law (lag 1981:739, 4 § andra stycket 3). */
export const PLAN_FEE_CAP_ORE = FEE_RULES.plan_fee.capOre;
/** The day after payday on the 25th: moving a due date from the 23rd to the 26th took payments from 5 % to 55 %. */
export const SUGGESTED_DUE_DAY = 26;
/** The first instalment falls at least this many days after the plan is made, so there is time to pay. */
export const FIRST_INSTALMENT_AFTER_DAYS = 7;
/** An instalment may be moved this many days later, once. */
export const MAX_INSTALMENT_MOVE_DAYS = 14;
/** No plan is longer than ten years, whatever a policy says. */
export const MAX_PLAN_MONTHS = 120;
/** Missed instalments in a row that end a plan. */
export const LAPSE_AFTER_MISSED_IN_A_ROW = 2;
/** BankID shows and signs at most 40 000 characters of base64, which is 30 000 bytes of UTF-8. */
export const MAX_SIGN_TEXT_BYTES = 30_000;

export interface Instalment {
  seq: number;
  dueDate: IsoDate;
  amountOre: Ore;
}

function assertDueDay(dueDay: number): void {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28) throw new DomainError("plan_due_day_invalid", "a due day is 1–28", { dueDay });
}

function assertOre(value: number, name: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) throw new DomainError("invalid_amount", `${name} must be whole öre ≥ ${min}`, { [name]: value });
}

function assertDate(value: IsoDate, name: string): void {
  if (!isIsoDate(value)) throw new DomainError("invalid_date", `${name} must be a real date YYYY-MM-DD`, { [name]: value });
}

function assertMonths(months: number): void {
  if (!Number.isInteger(months) || months < 1 || months > MAX_PLAN_MONTHS) {
    throw new DomainError("plan_months_invalid", `months must be 1–${MAX_PLAN_MONTHS}`, { months });
  }
}

function withDay(d: IsoDate, day: number): IsoDate {
  return `${d.slice(0, 7)}-${String(day).padStart(2, "0")}`;
}

/**
 * The due day to suggest: the 26th, the day after payday, whatever the date. Payday moves back to
 * the bank day before the 25th, never forward, so the 26th is always after it; firstDueDate moves
 * the 26th on to a bank day.
 */
export function suggestedDueDay(today: IsoDate): number {
  assertDate(today, "today");
  return SUGGESTED_DUE_DAY;
}

/** The nominal date of the first instalment: `dueDay` in the first month that leaves a week to pay. */
function firstNominal(today: IsoDate, dueDay: number): IsoDate {
  const earliest = addDays(today, FIRST_INSTALMENT_AFTER_DAYS);
  const candidate = withDay(earliest, dueDay);
  return candidate >= earliest ? candidate : addMonths(candidate, 1);
}

/**
 * The first due date of a plan made today: the first `dueDay` at least a week after today, moved
 * forward to the next bank day when it is a weekend or holiday (lag 1930:173).
 */
export function firstDueDate(today: IsoDate, dueDay: number): IsoDate {
  assertDate(today, "today");
  assertDueDay(dueDay);
  return nextBankDay(firstNominal(today, dueDay));
}

/** How many months it takes at `monthlyOre` a month, before interest: ceil(balance / monthly), at least 1. */
export function monthsFor(balanceOre: Ore, monthlyOre: Ore): number {
  assertOre(balanceOre, "balanceOre");
  assertOre(monthlyOre, "monthlyOre", 1);
  return Math.max(1, Math.ceil(balanceOre / monthlyOre));
}

/** What a month comes to over `months` months, before interest: ceil(balance / months). */
export function monthlyFor(balanceOre: Ore, months: number): Ore {
  assertOre(balanceOre, "balanceOre");
  assertMonths(months);
  return Math.ceil(balanceOre / months);
}

/**
 * Due dates: `dueDay` each month from the first (addMonths, so month lengths are right), each
 * moved forward to a bank day when it is not one. The nominal dates are a month apart and the
 * move is at most a few days, so the dates are strictly increasing.
 */
export function scheduleDates(today: IsoDate, dueDay: number, months: number): IsoDate[] {
  assertDate(today, "today");
  assertDueDay(dueDay);
  const first = firstNominal(today, dueDay);
  return Array.from({ length: months }, (_, k) => nextBankDay(addMonths(first, k)));
}

export interface ScheduleInput {
  /** What is left to pay on the cases today: principal, interest so far and fees. */
  balanceOre: Ore;
  /** The plan fee, charged when the plan is signed (0 when the creditor does not charge it). */
  feeOre: Ore;
  /** The principal still bearing interest (part of balanceOre) and its yearly rate; null when no interest runs. */
  interest: { principalOre: Ore; annualRateBp: number } | null;
  /** Either a number of months or an amount a month; the other is worked out. */
  months?: number | null;
  monthlyOre?: Ore | null;
  dueDay: number;
  today: IsoDate;
}

export interface Schedule {
  instalments: Instalment[];
  feeOre: Ore;
  /** Interest estimated to accrue from today until the last instalment is paid. */
  interestOre: Ore;
  /** balance + fee + interest: the instalments add up to exactly this. */
  totalOre: Ore;
}

// Actual/365 with the rate in basis points, as interest.ts and the ledger count it.
const DAY_DENOMINATOR = 10_000n * 365n;

function roundHalfUp(numerator: bigint): number {
  return Number((2n * numerator + DAY_DENOMINATOR) / (2n * DAY_DENOMINATOR));
}

/**
 * The plan's due dates with, for each, the interest weight of the days since the date before
 * (today, for the first): Σ days × yearly rate (bp). The days are accrueInterest's own segments,
 * from the day after the earlier date up to and including the due date, so the day count is the
 * ledger's. Dates are made as they are needed: an amount a month does not know its length.
 */
function periods(input: ScheduleInput) {
  const nominal = firstNominal(input.today, input.dueDay);
  const rateBp = input.interest?.annualRateBp ?? 0;
  const rates = [{ from: input.today, referenceRateBp: rateBp }];
  const dates: IsoDate[] = [];
  const weights: bigint[] = [];
  return (k: number): { dueDate: IsoDate; weight: bigint } => {
    while (dates.length <= k) {
      const from = dates.at(-1) ?? input.today;
      const dueDate = nextBankDay(addMonths(nominal, dates.length));
      let weight = 0n;
      if (rateBp > 0) {
        const { segments } = accrueInterest({ principalTimeline: [{ from: addDays(from, 1), principalOre: 1 }], start: from, end: dueDate, rates, marginBp: 0 });
        for (const s of segments) weight += BigInt(s.days) * BigInt(s.annualRateBp);
      }
      dates.push(dueDate);
      weights.push(weight);
    }
    return { dueDate: dates[k]!, weight: weights[k]! };
  };
}

type Period = ReturnType<typeof periods>;

/**
 * Runs a plan forward the way the ledger would book it. On each due date the interest accrued so
 * far is the exact sum over all days rounded once, half up (as accrueInterest rounds); then the
 * instalment pays what is not principal first (fees, interest: the default allocation order),
 * then principal, which stops bearing interest from the next day. `pay` is told what is owed on
 * the date and returns what is paid, or null to stop before paying (the last date).
 */
function runPlan(input: ScheduleInput, period: Period, pay: (k: number, owedOre: Ore) => Ore | null): { interestOre: Ore; owedOre: Ore } {
  let principal = input.interest?.principalOre ?? 0;
  let other = input.balanceOre + input.feeOre - principal;
  let numerator = 0n;
  let accrued = 0;
  for (let k = 0; ; k++) {
    const { weight } = period(k);
    numerator += BigInt(principal) * weight;
    const now = roundHalfUp(numerator);
    other += now - accrued;
    accrued = now;
    const paid = pay(k, principal + other);
    if (paid === null) return { interestOre: accrued, owedOre: principal + other };
    const toOther = Math.min(paid, Math.max(0, other));
    const toPrincipal = Math.min(principal, paid - toOther);
    principal -= toPrincipal;
    // Anything more is an overpayment: a credit against what is left.
    other -= paid - toPrincipal;
  }
}

function assertScheduleInput(input: ScheduleInput): void {
  assertOre(input.balanceOre, "balanceOre", 1);
  assertOre(input.feeOre, "feeOre");
  if (input.feeOre > PLAN_FEE_CAP_ORE) throw new DomainError("plan_fee_above_cap", "the plan fee is at most 170 kr", { feeOre: input.feeOre });
  assertDate(input.today, "today");
  assertDueDay(input.dueDay);
  if (input.interest) {
    assertOre(input.interest.principalOre, "principalOre");
    if (input.interest.principalOre > input.balanceOre) throw new DomainError("invalid_amount", "the principal is part of the balance", { principalOre: input.interest.principalOre });
    if (!Number.isSafeInteger(input.interest.annualRateBp) || input.interest.annualRateBp < 0) {
      throw new DomainError("invalid_rate", "annualRateBp must be whole basis points ≥ 0", { annualRateBp: input.interest.annualRateBp });
    }
  }
}

/** `months` instalments: every one but the last the same amount, the last what is left (never more). */
function scheduleForMonths(input: ScheduleInput, months: number, period: Period): Schedule {
  const base = input.balanceOre + input.feeOre;
  if (base < months) throw new DomainError("plan_months_invalid", "fewer months: every instalment is at least one öre", { months });
  const interestIfPaying = (monthly: Ore) => runPlan(input, period, (k) => (k < months - 1 ? monthly : null));
  // The last instalment is what is left after months − 1 equal ones, so the monthly is the smallest
  // m whose last instalment is not larger: excess(m) = left(m) − m ≤ 0. Interest falls as m rises,
  // so excess falls strictly, and the answer lies between the monthly before interest and the
  // monthly that covers that interest. Excess is nearly linear in m: interpolate, and halve the
  // bracket when interpolation does not.
  const excess = (monthly: Ore) => interestIfPaying(monthly).owedOre - monthly;
  let low = Math.ceil(base / months);
  const atLow = interestIfPaying(low);
  let lowExcess = atLow.owedOre - low;
  let high = lowExcess > 0 ? Math.ceil((base + atLow.interestOre) / months) : low;
  if (high > low) {
    let highExcess = excess(high);
    let interpolate = true;
    while (high - low > 1) {
      const guess = interpolate ? low + Math.ceil(((high - low) * lowExcess) / (lowExcess - highExcess)) : Math.floor((low + high) / 2);
      const mid = Math.min(high - 1, Math.max(low + 1, guess));
      const midExcess = excess(mid);
      const before = high - low;
      if (midExcess <= 0) [high, highExcess] = [mid, midExcess];
      else [low, lowExcess] = [mid, midExcess];
      interpolate = high - low <= before / 2;
    }
  }
  const monthly = high;
  let amounts = Array.from({ length: months - 1 }, () => monthly);
  let run = interestIfPaying(monthly);
  if (run.owedOre < 1) {
    // Only when a month is a few öre, about as many as there are months: then equal parts that
    // differ by an öre, the estimate repeated until it settles; the last part is what is left.
    let interestOre = 0;
    for (let round = 0; round < 8; round++) {
      amounts = allocate(base + interestOre, months).slice(0, -1);
      run = runPlan(input, period, (k) => (k < months - 1 ? amounts[k]! : null));
      if (run.interestOre === interestOre) break;
      interestOre = run.interestOre;
    }
    if (run.owedOre < 1) throw new DomainError("plan_months_invalid", "fewer months: every instalment is at least one öre", { months });
  }
  amounts.push(run.owedOre);
  return {
    instalments: amounts.map((amountOre, k) => ({ seq: k + 1, dueDate: period(k).dueDate, amountOre })),
    feeOre: input.feeOre,
    interestOre: run.interestOre,
    totalOre: base + run.interestOre,
  };
}

/** `monthlyOre` every month until what is owed is at most that; the last instalment is what is left then. */
function scheduleForMonthly(input: ScheduleInput, monthlyOre: Ore, period: Period): Schedule {
  const amounts: Ore[] = [];
  const run = runPlan(input, period, (k, owed) => {
    if (owed <= monthlyOre) return null;
    if (k + 1 >= MAX_PLAN_MONTHS) {
      throw new DomainError("plan_months_invalid", `at this amount a plan would be longer than ${MAX_PLAN_MONTHS} months`, { monthlyOre });
    }
    amounts.push(monthlyOre);
    return monthlyOre;
  });
  amounts.push(run.owedOre);
  return {
    instalments: amounts.map((amountOre, k) => ({ seq: k + 1, dueDate: period(k).dueDate, amountOre })),
    feeOre: input.feeOre,
    interestOre: run.interestOre,
    totalOre: input.balanceOre + input.feeOre + run.interestOre,
  };
}

/**
 * A plan's instalments, due `dueDay` each month from the first date at least a week away, each
 * moved forward to a bank day. Every instalment but the last is the same amount (with `months`,
 * the smallest amount that pays the plan off in that many months; with `monthlyOre`, that amount),
 * and the last is what is left: never more than the others, possibly less. Only when a month
 * would be a few öre do the parts instead differ by one öre, the larger first.
 *
 * The interest is an estimate of the late-payment interest still to accrue (räntelagen: per day,
 * on the principal only): at today's yearly rate (reference-rate changes ahead are unknown), on
 * the principal left between due dates, assuming each instalment is paid on its due date and
 * settles fees and interest before principal. It is exactly the interest of the schedule returned,
 * so the instalments add up to balance + fee + interest to the öre. The ledger books what really
 * happens; the last instalment then pays whatever is left.
 */
export function buildSchedule(input: ScheduleInput): Schedule {
  assertScheduleInput(input);
  const period = periods(input);
  if (input.months !== undefined && input.months !== null) {
    assertMonths(input.months);
    return scheduleForMonths(input, input.months, period);
  }
  if (input.monthlyOre === undefined || input.monthlyOre === null) throw new DomainError("plan_amount_required", "give a number of months or an amount a month");
  assertOre(input.monthlyOre, "monthlyOre", 1);
  return scheduleForMonthly(input, input.monthlyOre, period);
}

export type PolicyReason = "below_minimum" | "too_long";

/** A plan to check: its monthly amount and length, or its instalments themselves. */
export type PlanShape = { monthlyOre: Ore; months: number } | { instalments: readonly { amountOre: Ore }[] };

/**
 * Inside policy, a plan is accepted at once: every instalment but the last at least the creditor's
 * minimum (the last is what is left and may be smaller), and no more months than its longest plan.
 * Outside it, the reasons say why, for the debtor and for the person who decides.
 */
export function checkPlanAgainstPolicy(plan: PlanShape, policy: Pick<PlanPolicy, "minInstalmentOre" | "maxPlanMonths">): { inside: boolean; reasons: PolicyReason[] } {
  const reasons: PolicyReason[] = [];
  const months = "instalments" in plan ? plan.instalments.length : plan.months;
  const belowMinimum =
    "instalments" in plan ? plan.instalments.slice(0, -1).some((i) => i.amountOre < policy.minInstalmentOre) : plan.months > 1 && plan.monthlyOre < policy.minInstalmentOre;
  if (belowMinimum) reasons.push("below_minimum");
  if (months > policy.maxPlanMonths) reasons.push("too_long");
  return { inside: reasons.length === 0, reasons };
}

/** Two missed in a row and the plan lapses; one missed is rolled to the end and the plan goes on. */
export function shouldLapse(missedInARow: number): boolean {
  return missedInARow >= LAPSE_AFTER_MISSED_IN_A_ROW;
}

/**
 * The nominal date `date` stands for: the plan's `dueDay` in its month or the month before, when
 * `date` is that day moved forward to a bank day; null for a date moved some other way.
 */
function nominalOf(date: IsoDate, dueDay: number): IsoDate | null {
  for (const month of [date, addMonths(withDay(date, 1), -1)]) {
    const nominal = withDay(month, dueDay);
    if (nominal <= date && nextBankDay(nominal) === date) return nominal;
  }
  return null;
}

/** A month after `date`: from its nominal date when it has one, so the plan keeps its due day. */
function monthAfter(date: IsoDate, dueDay: number | undefined): IsoDate {
  const nominal = dueDay === undefined ? null : nominalOf(date, dueDay);
  return nextBankDay(addMonths(nominal ?? date, 1));
}

/**
 * A missed instalment's amount moves to the end: a new instalment one month after the last one,
 * moved forward to a bank day, and at least a week after today (else the first such month that
 * is). Given the plan's `dueDay`, "a month after" counts from the last instalment's due day, so a
 * date moved past a holiday does not carry the move on. The plan's total stays the same; the
 * missed instalment stays in the list (the caller marks it missed).
 */
export function rollMissedInstalment(schedule: Instalment[], missedSeq: number, today: IsoDate, dueDay?: number): Instalment[] {
  assertDate(today, "today");
  if (dueDay !== undefined) assertDueDay(dueDay);
  const missed = schedule.find((i) => i.seq === missedSeq);
  if (!missed) throw new DomainError("instalment_not_found", "no such instalment", { missedSeq });
  const last = schedule.reduce((a, b) => (a.seq > b.seq ? a : b));
  const latest = schedule.reduce((a, b) => (a.dueDate > b.dueDate ? a : b));
  const earliest = addDays(today, FIRST_INSTALMENT_AFTER_DAYS);
  let dueDate = monthAfter(latest.dueDate, dueDay);
  while (dueDate < earliest) dueDate = monthAfter(dueDate, dueDay);
  return [...schedule, { seq: last.seq + 1, dueDate, amountOre: missed.amountOre }];
}

/**
 * Moving one instalment: once (`movedFrom` is its original date once moved), later by at most 14
 * days than its date, to a bank day that has not passed. Codes: instalment_already_moved,
 * move_not_later, move_too_far, move_in_the_past, not_a_bank_day.
 */
export function moveInstalment(instalment: { dueDate: IsoDate; movedFrom: IsoDate | null }, newDate: IsoDate, today: IsoDate): { dueDate: IsoDate } {
  assertDate(newDate, "newDate");
  assertDate(today, "today");
  if (instalment.movedFrom) throw new DomainError("instalment_already_moved", "an instalment can be moved once");
  if (newDate <= instalment.dueDate) throw new DomainError("move_not_later", "a move is to a later date");
  if (daysBetween(instalment.dueDate, newDate) > MAX_INSTALMENT_MOVE_DAYS) throw new DomainError("move_too_far", `at most ${MAX_INSTALMENT_MOVE_DAYS} days later`);
  if (newDate < today) throw new DomainError("move_in_the_past", "the new date has passed");
  if (!isBankDay(newDate)) throw new DomainError("not_a_bank_day", "the new date must be a bank day");
  return { dueDate: newDate };
}

/**
 * Moving a case's due date to after payday, once. The new date is the first bank day on or after
 * the 26th that is later than the current date (or than today, if that has passed); when that is
 * more than `maxShiftDays` after the current date, the latest bank day within the limit instead.
 * Codes: due_date_already_moved; due_date_move_not_allowed when the creditor allows no move or no
 * later bank day fits.
 */
export function postponeDueDate(dueDate: IsoDate, maxShiftDays: number, alreadyMoved: boolean, today: IsoDate): IsoDate {
  assertDate(dueDate, "dueDate");
  assertDate(today, "today");
  if (alreadyMoved) throw new DomainError("due_date_already_moved", "a due date can be moved once");
  if (!Number.isInteger(maxShiftDays) || maxShiftDays < 1) throw new DomainError("due_date_move_not_allowed", "the creditor allows no move");
  const from = dueDate < today ? today : dueDate;
  let candidate = nextBankDay(withDay(from, SUGGESTED_DUE_DAY));
  if (candidate <= from) candidate = nextBankDay(withDay(addMonths(withDay(from, 1), 1), SUGGESTED_DUE_DAY));
  const limit = addDays(dueDate, maxShiftDays);
  if (candidate <= limit) return candidate;
  const latest = previousBankDay(limit);
  if (latest <= from) throw new DomainError("due_date_move_not_allowed", "no later bank day within the limit");
  return latest;
}

/**
 * Pausing for a month, when the creditor allows it: every remaining instalment moves one month on,
 * forward to a bank day. Given the plan's `dueDay`, an instalment that sits just after its due day
 * because of a holiday moves from the due day itself; one the debtor moved keeps its day of the
 * month. Code: plan_pause_not_allowed.
 */
export function pausePlan(remaining: Instalment[], allowed: boolean | Pick<PlanPolicy, "allowPlanPause">, today: IsoDate, dueDay?: number): { instalments: Instalment[]; pausedUntil: IsoDate } {
  assertDate(today, "today");
  if (dueDay !== undefined) assertDueDay(dueDay);
  const allow = typeof allowed === "boolean" ? allowed : allowed.allowPlanPause;
  if (!allow) throw new DomainError("plan_pause_not_allowed", "the creditor does not allow a pause");
  const instalments = remaining.map((i) => ({ ...i, dueDate: monthAfter(i.dueDate, dueDay) }));
  return { instalments, pausedUntil: addMonths(today, 1) };
}

export interface SignTextInput {
  /** The debtor's name, as BankID will confirm it. */
  name: string;
  cases: { caseNumber: string; creditorName: string }[];
  instalments: Instalment[];
  feeOre: Ore;
  interestOre: Ore;
  totalOre: Ore;
  /** The yearly late-payment rate the interest estimate uses, when known. */
  annualRateBp?: number;
}

const SIGN_TEXT = {
  sv: {
    title: "Avbetalningsplan",
    agree: (name: string) => `Jag, ${name}, godkänner att betala enligt denna plan.`,
    cases: "Ärenden",
    caseLine: (creditor: string, caseNumber: string) => `${creditor}, ärende ${caseNumber}`,
    parts: "Delbetalningar",
    fee: "Avgift för planen",
    feeRule: (cap: string) => `högst ${cap} enligt lag (1981:739) om ersättning för inkassokostnader m.m.`,
    noFee: "Ingen avgift tas ut för planen.",
    interest: "Uppskattad dröjsmålsränta under planen",
    rate: (rate: string) => `${rate} per år på den del av kapitalbeloppet som inte är betald`,
    total: "Totalt att betala",
    missedHeading: "Om en betalning missas",
    missed: [
      "Om en delbetalning inte blir betald flyttas beloppet till sist i planen och planen fortsätter.",
      "Om två delbetalningar i rad inte blir betalda upphör planen. Då ska det som är kvar betalas och ärendet fortsätter som ett vanligt inkassoärende, vilket kan leda till en ansökan om betalningsföreläggande hos Kronofogden. Jag kan då göra en ny plan.",
      "Räntan är en uppskattning som förutsätter betalning på varje förfallodag. Sista delbetalningen blir det som återstår när den ska betalas.",
    ],
  },
  en: {
    title: "Instalment plan",
    agree: (name: string) => `I, ${name}, agree to pay according to this plan.`,
    cases: "Cases",
    caseLine: (creditor: string, caseNumber: string) => `${creditor}, case ${caseNumber}`,
    parts: "Payments",
    fee: "Fee for the plan",
    feeRule: (cap: string) => `at most ${cap} under the Swedish Debt Collection Costs Act (1981:739)`,
    noFee: "No fee is charged for the plan.",
    interest: "Estimated late-payment interest during the plan",
    rate: (rate: string) => `${rate} a year on the part of the principal not yet paid`,
    total: "Total to pay",
    missedHeading: "If a payment is missed",
    missed: [
      "If a payment is not made, its amount moves to the end of the plan and the plan goes on.",
      "If two payments in a row are not made, the plan ends. What is left is then due, and the case continues as an ordinary collection case, which may lead to an application for a payment order at Kronofogden (the Swedish Enforcement Authority). I can then make a new plan.",
      "The interest is an estimate that assumes each payment is made on its due date. The last payment is whatever is left when it falls due.",
    ],
  },
} as const;

const LONG_DATE = {
  sv: new Intl.DateTimeFormat("sv-SE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  en: new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
} as const;

const PERCENT = {
  sv: new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 2 }),
} as const;

/**
 * The text the debtor signs with BankID (simpleMarkdownV1): who the plan is with (creditors and
 * case numbers), every instalment's date and amount, the fee and the rule behind it, the interest
 * estimate, the total, and what happens if a payment is missed. Refused (sign_text_too_long)
 * rather than cut short when it does not fit BankID's limit: a signed text must be whole.
 */
export function planSignText(locale: "sv" | "en", plan: SignTextInput): string {
  const t = SIGN_TEXT[locale];
  const money = (ore: Ore) => formatMoney(ore, locale);
  const date = (d: IsoDate) => LONG_DATE[locale].format(new Date(`${d}T00:00:00Z`));
  const interestLine =
    plan.annualRateBp === undefined
      ? `${t.interest}: ${money(plan.interestOre)}`
      : `${t.interest} (${t.rate(PERCENT[locale].format(plan.annualRateBp / 10_000))}): ${money(plan.interestOre)}`;
  const lines = [
    `# ${t.title}`,
    t.agree(plan.name),
    "",
    `## ${t.cases}`,
    ...plan.cases.map((c) => t.caseLine(c.creditorName, c.caseNumber)),
    "",
    `## ${t.parts}`,
    ...plan.instalments.map((i) => `${i.seq}. ${date(i.dueDate)}: ${money(i.amountOre)}`),
    "",
    plan.feeOre > 0 ? `${t.fee}: ${money(plan.feeOre)} (${t.feeRule(formatMoneyShort(PLAN_FEE_CAP_ORE, locale))})` : t.noFee,
    interestLine,
    `${t.total}: ${money(plan.totalOre)}`,
    "",
    `## ${t.missedHeading}`,
    ...t.missed,
  ];
  const text = lines.join("\n");
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_SIGN_TEXT_BYTES) throw new DomainError("sign_text_too_long", "the plan does not fit in a BankID signature", { bytes });
  return text;
}
