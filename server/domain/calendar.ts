import Holidays from "date-holidays";

/** A calendar date, "YYYY-MM-DD", in Europe/Stockholm. */
export type IsoDate = string;

const holidays = new Holidays("SE");
const closedDaysByYear = new Map<number, Set<IsoDate>>();

/**
 * Days the banks are closed besides weekends: Sweden's public holidays (type "public") and the
 * eves that are not bank days (Midsommarafton, Julafton, Nyårsafton: type "bank" in date-holidays).
 */
function closedDays(year: number): Set<IsoDate> {
  let days = closedDaysByYear.get(year);
  if (!days) {
    days = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === "public" || h.type === "bank")
        .map((h) => h.date.slice(0, 10)),
    );
    closedDaysByYear.set(year, days);
  }
  return days;
}

function toUtc(d: IsoDate): Date {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(toUtc(value)) === value;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Same day n months on, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return fromUtc(first);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function dayOfWeek(d: IsoDate): number {
  return toUtc(d).getUTCDay();
}

export function isBankDay(d: IsoDate): boolean {
  const dow = dayOfWeek(d);
  if (dow === 0 || dow === 6) return false;
  return !closedDays(Number(d.slice(0, 4))).has(d);
}

/** The first bank day on or after `d` (lag 1930:173: a deadline on a closed day moves forward). */
export function nextBankDay(d: IsoDate): IsoDate {
  let day = d;
  while (!isBankDay(day)) day = addDays(day, 1);
  return day;
}

/** The last bank day on or before `d`. */
export function previousBankDay(d: IsoDate): IsoDate {
  let day = d;
  while (!isBankDay(day)) day = addDays(day, -1);
  return day;
}

export function addBankDays(d: IsoDate, n: number): IsoDate {
  let day = d;
  let left = Math.abs(n);
  const step = n < 0 ? -1 : 1;
  while (left > 0) {
    day = addDays(day, step);
    if (isBankDay(day)) left -= 1;
  }
  return day;
}

/** Payday: the 25th, or the last bank day before it when the 25th is not a bank day. */
export function payday(year: number, month: number): IsoDate {
  return previousBankDay(`${year}-${String(month).padStart(2, "0")}-25`);
}

/**
 * The payday-aware due date: the first bank day on or after the 26th, in the month of `earliest`
 * if that is not before `earliest`, else in the next month.
 */
export function paydayDueDate(earliest: IsoDate): IsoDate {
  const candidate = nextBankDay(`${earliest.slice(0, 7)}-26`);
  if (candidate >= earliest) return candidate;
  return nextBankDay(`${addMonths(`${earliest.slice(0, 7)}-01`, 1).slice(0, 7)}-26`);
}

const stockholm = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Stockholm for a moment in time. */
export function todayInStockholm(now: Date): IsoDate {
  return stockholm.format(now);
}
