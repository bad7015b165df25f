import { addBankDays, addMonths, isBankDay, nextBankDay, todayInStockholm, type IsoDate } from "./calendar";
import { DomainError } from "./errors";

/** A message: plain text of at most this many characters. */
export const MESSAGE_MAX_CHARS = 5000;
/** A callback's topic, and a complaint's text. */
export const CALLBACK_TOPIC_MAX_CHARS = 200;
export const COMPLAINT_MAX_CHARS = 5000;
/** Without a creditor (a general question) the agency promises an answer within this many bank days. */
export const AGENCY_REPLY_BANK_DAYS = 1;
/** Complaints: without undue delay, at the latest this many bank days. */
export const COMPLAINT_BANK_DAYS = 5;
/** Opening hours for callbacks (whole hours, Stockholm time) and how far ahead one can be booked. */
export const OPENING_HOURS = { open: 8, close: 17 } as const;
export const CALLBACK_WINDOW_HOURS = 2;
export const CALLBACK_DAYS_AHEAD = 10;

/** The moment of a whole hour on a day in Stockholm (CET or CEST, whichever is in force then). */
export function stockholmMoment(day: IsoDate, hour: number): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  for (const offset of [1, 2]) {
    const candidate = new Date(guess.getTime() - offset * 3_600_000);
    const parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", hour: "2-digit", hourCycle: "h23" }).format(candidate);
    if (Number(parts) === hour && todayInStockholm(candidate) === day) return candidate;
  }
  // The hour skipped when the clocks go forward: the next one that exists.
  return new Date(guess.getTime() - 3_600_000);
}

/** The day we promise to answer by: `bankDays` bank days after today (Stockholm). */
export function replyDueOn(now: Date, bankDays: number): IsoDate {
  return addBankDays(todayInStockholm(now), Math.max(1, bankDays));
}

/** When a reply is late: the end of opening hours on the promised day. */
export function replyDueBy(dueOn: IsoDate): Date {
  return stockholmMoment(dueOn, OPENING_HOURS.close);
}

export function complaintDueOn(now: Date): IsoDate {
  return addBankDays(todayInStockholm(now), COMPLAINT_BANK_DAYS);
}

/** GDPR art. 15: within one month; a last day that is not a bank day moves to the next one. */
export function dataAccessDueOn(now: Date): IsoDate {
  return nextBankDay(addMonths(todayInStockholm(now), 1));
}

export interface CallbackWindow {
  startHour: number;
  endHour: number;
}

/** Opening hours cut into windows of two hours (08–10, 10–12, … 16–17). */
export function callbackWindows(hours: { open: number; close: number } = OPENING_HOURS, length = CALLBACK_WINDOW_HOURS): CallbackWindow[] {
  const out: CallbackWindow[] = [];
  for (let start = hours.open; start < hours.close; start += length) out.push({ startHour: start, endHour: Math.min(start + length, hours.close) });
  return out;
}

/** The days a callback can be booked on: the next bank days, starting tomorrow. */
export function callbackDays(now: Date, count = CALLBACK_DAYS_AHEAD): IsoDate[] {
  const days: IsoDate[] = [];
  let day = todayInStockholm(now);
  while (days.length < count) {
    day = addBankDays(day, 1);
    days.push(day);
  }
  return days;
}

/** Checks a chosen day and window; returns the window, or throws a reason the form can show. */
export function checkCallbackSlot(now: Date, day: string, startHour: number): CallbackWindow {
  if (!callbackDays(now).includes(day) || !isBankDay(day)) throw new DomainError("callback_day_invalid");
  const window = callbackWindows().find((w) => w.startHour === startHour);
  if (!window) throw new DomainError("callback_window_invalid");
  return window;
}
