import { addDays, addMonths, daysBetween, isBankDay, isIsoDate, nextBankDay, previousBankDay, type IsoDate } from "./calendar";
import { DomainError } from "./errors";
import { FEE_RULES } from "./fees";
import { allocate, formatMoney, type Ore } from "./money";

/**
 * Instalment plans: the schedule, the policy check, missed instalments and forbearance. Pure: dates
 * and amounts in, dates and amounts out. Money in öre; dates are ISO days in Stockholm.
 */

export interface PlanPolicy {
  minInstalmentOre: Ore;
  maxPlanMonths: number;
  maxDueDateShiftDays: number;
  chargePlanFee: boolean;
  allowPlanPause: boolean;
}

/** Avbetalningsavgift: at most 170 kr by law. */
export const PLAN_FEE_CAP_ORE = FEE_RULES.plan_fee.capOre;
/** The day after payday on the 25th: moving a due date from the 23rd to the 26th took payments from 5 % to 55 %. */
export const SUGGESTED_DUE_DAY = 26;
/** The first instalment falls at least this many days after the plan is made. */
export const FIRST_INSTALMENT_AFTER_DAYS = 7;
/** An instalment may be moved this many days later, once. */
export const MAX_INSTALMENT_MOVE_DAYS = 14;
export const MAX_PLAN_MONTHS = 120;

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

function withDay(d: IsoDate, day: number): IsoDate {
  return `${d.slice(0, 7)}-${String(day).padStart(2, "0")}`;
}

/** The nominal date of the first instalment: `dueDay` in the first month that leaves a week to pay. */
function firstNominal(today: IsoDate, dueDay: number): IsoDate {
  const earliest = addDays(today, FIRST_INSTALMENT_AFTER_DAYS);
  const candidate = withDay(earliest, dueDay);
  return candidate >= earliest ? candidate : addMonths(candidate, 1);
}

/** The first due date of a plan made today: see firstNominal, moved to the next bank day. */
export function firstDueDate(today: IsoDate, dueDay: number): IsoDate {
  assertDueDay(dueDay);
  return nextBankDay(firstNominal(today, dueDay));
}

/** How many months it takes at `monthlyOre` a month. */
export function monthsFor(totalOre: Ore, monthlyOre: Ore): number {
  assertOre(totalOre, "totalOre");
  assertOre(monthlyOre, "monthlyOre", 1);
  return Math.max(1, Math.ceil(totalOre / monthlyOre));
}

/** What a month comes to over `months` months (the first months may be one öre more). */
export function monthlyFor(totalOre: Ore, months: number): Ore {
  assertOre(totalOre, "totalOre");
  if (!Number.isInteger(months) || months < 1) throw new DomainError("plan_months_invalid", "months must be 1 or more", { months });
  return Math.ceil(totalOre / months);
}

/** Due dates: the day each month, moved forward to a bank day when it is not one. */
export function scheduleDates(today: IsoDate, dueDay: number, months: number): IsoDate[] {
  assertDueDay(dueDay);
  const first = firstNominal(today, dueDay);
  return Array.from({ length: months }, (_, k) => nextBankDay(addMonths(first, k)));
}

export interface ScheduleInput {
  /** What is left to pay on the cases today (principal, interest so far, fees). */
  balanceOre: Ore;
  feeOre: Ore;
  /** The principal still bearing interest and its yearly rate; null when no interest runs. */
  interest: { principalOre: Ore; annualRateBp: number } | null;
  /** Either a number of months (equal parts) or an amount a month (the last part is what is left). */
  months?: number | null;
  monthlyOre?: Ore | null;
  dueDay: number;
  today: IsoDate;
}

export interface Schedule {
  instalments: Instalment[];
  feeOre: Ore;
  /** Interest estimated to accrue before each instalment is paid. */
  interestOre: Ore;
  totalOre: Ore;
}

/**
 * The interest that accrues while the plan is paid: each instalment pays what is not principal
 * first (fees, interest), then principal, as payments are allocated; interest runs per day on the
 * principal left between due dates. An estimate: the ledger books what really happens.
 */
function interestOver(dates: IsoDate[], amounts: Ore[], input: ScheduleInput): Ore {
  if (!input.interest || input.interest.principalOre <= 0 || input.interest.annualRateBp <= 0) return 0;
  const rate = BigInt(input.interest.annualRateBp);
  let principal = input.interest.principalOre;
  let other = input.balanceOre + input.feeOre - principal;
  let accrued = 0;
  // Thousandths of öre are kept between periods so rounding does not pile up.
  let carry = 0n;
  let from = input.today;
  for (let k = 0; k < dates.length && principal > 0; k++) {
    const days = BigInt(Math.max(0, daysBetween(from, dates[k]!)));
    const exact = BigInt(principal) * rate * days + carry;
    const denominator = 10_000n * 365n;
    const whole = exact / denominator;
    carry = exact - whole * denominator;
    const interest = Number(whole);
    accrued += interest;
    other += interest;
    const paid = amounts[k] ?? 0;
    const toOther = Math.min(paid, other);
    other -= toOther;
    principal -= Math.min(principal, paid - toOther);
    from = dates[k]!;
  }
  return accrued;
}

/**
 * A plan's instalments. Amounts add up exactly to balance + fee + estimated interest; every date
 * is a bank day, strictly later than the one before. With `months` the parts are equal (the first
 * ones one öre more where it does not divide); with `monthlyOre` every part is that amount and the
 * last is what is left.
 */
export function buildSchedule(input: ScheduleInput): Schedule {
  assertOre(input.balanceOre, "balanceOre", 1);
  assertOre(input.feeOre, "feeOre");
  if (input.feeOre > PLAN_FEE_CAP_ORE) throw new DomainError("plan_fee_above_cap", "the plan fee is at most 170 kr", { feeOre: input.feeOre });
  if (!isIsoDate(input.today)) throw new DomainError("invalid_date", "today must be a date");
  assertDueDay(input.dueDay);
  const base = input.balanceOre + input.feeOre;

  const split = (total: Ore): Ore[] => {
    if (input.months) return allocate(total, input.months);
    const monthly = input.monthlyOre!;
    const n = monthsFor(total, monthly);
    if (n > MAX_PLAN_MONTHS) throw new DomainError("plan_months_invalid", "a plan is at most 120 months", { months: n });
    return Array.from({ length: n }, (_, k) => (k < n - 1 ? monthly : total - monthly * (n - 1)));
  };
  if (input.months) {
    if (!Number.isInteger(input.months) || input.months < 1 || input.months > MAX_PLAN_MONTHS) throw new DomainError("plan_months_invalid", "months must be 1–120", { months: input.months });
  } else if (!input.monthlyOre || !Number.isSafeInteger(input.monthlyOre) || input.monthlyOre < 1) {
    throw new DomainError("plan_amount_required", "give a number of months or an amount a month");
  }

  // Interest depends on the payments and the payments on the interest: a few rounds settle it.
  let interestOre = 0;
  let amounts = split(base);
  for (let round = 0; round < 6; round++) {
    const dates = scheduleDates(input.today, input.dueDay, amounts.length);
    const next = interestOver(dates, amounts, input);
    const nextAmounts = split(base + next);
    if (next === interestOre && nextAmounts.length === amounts.length) {
      amounts = nextAmounts;
      break;
    }
    interestOre = next;
    amounts = nextAmounts;
  }
  const totalOre = base + interestOre;
  amounts = split(totalOre);
  const dates = scheduleDates(input.today, input.dueDay, amounts.length);
  return {
    instalments: amounts.map((amountOre, k) => ({ seq: k + 1, dueDate: dates[k]!, amountOre })),
    feeOre: input.feeOre,
    interestOre,
    totalOre,
  };
}

export type PolicyReason = "below_minimum" | "too_long";

/**
 * Inside policy, a plan is accepted at once: every part but the last at least the creditor's
 * minimum, and no longer than its longest plan.
 */
export function checkPlanAgainstPolicy(plan: { monthlyOre: Ore; months: number }, policy: Pick<PlanPolicy, "minInstalmentOre" | "maxPlanMonths">): { inside: boolean; reasons: PolicyReason[] } {
  const reasons: PolicyReason[] = [];
  if (plan.months > 1 && plan.monthlyOre < policy.minInstalmentOre) reasons.push("below_minimum");
  if (plan.months > policy.maxPlanMonths) reasons.push("too_long");
  return { inside: reasons.length === 0, reasons };
}

/** Two missed in a row and the plan lapses. */
export function shouldLapse(missedInARow: number): boolean {
  return missedInARow >= 2;
}

/**
 * A missed instalment's amount moves to the end: a new instalment one month after the last one
 * (on a bank day). The plan's total stays the same.
 */
export function rollMissedInstalment(schedule: Instalment[], missedSeq: number, today: IsoDate): Instalment[] {
  const missed = schedule.find((i) => i.seq === missedSeq);
  if (!missed) throw new DomainError("instalment_not_found", "no such instalment", { missedSeq });
  const last = schedule.reduce((a, b) => (a.seq > b.seq ? a : b));
  const after = addMonths(last.dueDate, 1);
  const dueDate = nextBankDay(after > today ? after : addDays(today, FIRST_INSTALMENT_AFTER_DAYS));
  return [...schedule, { seq: last.seq + 1, dueDate, amountOre: missed.amountOre }];
}

/** Moving one instalment: once, later by at most 14 days, to a bank day that has not passed. */
export function moveInstalment(instalment: { dueDate: IsoDate; movedFrom: IsoDate | null }, newDate: IsoDate, today: IsoDate): { dueDate: IsoDate } {
  if (!isIsoDate(newDate)) throw new DomainError("invalid_date", "the new date must be a date");
  if (instalment.movedFrom) throw new DomainError("instalment_already_moved", "an instalment can be moved once");
  if (newDate <= instalment.dueDate) throw new DomainError("move_not_later", "a move is to a later date");
  if (daysBetween(instalment.dueDate, newDate) > MAX_INSTALMENT_MOVE_DAYS) throw new DomainError("move_too_far", "at most 14 days later");
  if (newDate < today) throw new DomainError("move_in_the_past", "the new date has passed");
  if (!isBankDay(newDate)) throw new DomainError("not_a_bank_day", "the new date must be a bank day");
  return { dueDate: newDate };
}

/**
 * Moving a case's due date to after payday, once: the first bank day on or after the 26th that is
 * later than the current date, when that is within the creditor's limit; otherwise the latest bank
 * day within the limit. Refused when it was moved before or no later bank day fits.
 */
export function postponeDueDate(dueDate: IsoDate, maxShiftDays: number, alreadyMoved: boolean, today: IsoDate): IsoDate {
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

/** Pausing for a month: every remaining instalment moves one month on (to a bank day). */
export function pausePlan(remaining: Instalment[], allowed: boolean, today: IsoDate): { instalments: Instalment[]; pausedUntil: IsoDate } {
  if (!allowed) throw new DomainError("plan_pause_not_allowed", "the creditor does not allow a pause");
  const instalments = remaining.map((i) => ({ ...i, dueDate: nextBankDay(addMonths(i.dueDate, 1)) }));
  return { instalments, pausedUntil: addMonths(today, 1) };
}

export interface SignTextInput {
  name: string;
  cases: { caseNumber: string; creditorName: string }[];
  instalments: Instalment[];
  feeOre: Ore;
  interestOre: Ore;
  totalOre: Ore;
}

const SIGN_TEXT = {
  sv: {
    title: "Avbetalningsplan",
    agree: (name: string) => `Jag, ${name}, godkänner att betala enligt denna plan.`,
    cases: "Ärenden",
    parts: "Delbetalningar",
    fee: "Avgift för planen",
    interest: "Uppskattad ränta under planen",
    total: "Totalt",
    missed: "Missar jag en betalning läggs beloppet sist i planen. Missar jag två i rad upphör planen. Räntan löper på det som är kvar; sista delen blir det som är kvar då.",
  },
  en: {
    title: "Instalment plan",
    agree: (name: string) => `I, ${name}, agree to pay according to this plan.`,
    cases: "Cases",
    parts: "Payments",
    fee: "Fee for the plan",
    interest: "Estimated interest during the plan",
    total: "Total",
    missed: "If I miss a payment, the amount moves to the end of the plan. If I miss two in a row, the plan ends. Interest runs on what is left; the last payment is whatever is left then.",
  },
} as const;

/** The text the debtor signs with BankID (simple markdown): what, how much, when, and the rules. */
export function planSignText(locale: "sv" | "en", plan: SignTextInput): string {
  const t = SIGN_TEXT[locale];
  const date = (d: IsoDate) => new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  const lines = [
    `# ${t.title}`,
    t.agree(plan.name),
    "",
    `${t.cases}: ${plan.cases.map((c) => `${c.creditorName} ${c.caseNumber}`).join(", ")}`,
    "",
    `${t.parts}:`,
    ...plan.instalments.map((i) => `${i.seq}. ${date(i.dueDate)}: ${formatMoney(i.amountOre, locale)}`),
    "",
    `${t.fee}: ${formatMoney(plan.feeOre, locale)}`,
    `${t.interest}: ${formatMoney(plan.interestOre, locale)}`,
    `${t.total}: ${formatMoney(plan.totalOre, locale)}`,
    "",
    t.missed,
  ];
  return lines.join("\n").slice(0, 40_000);
}
