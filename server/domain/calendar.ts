import Holidays from "date-holidays";
import { DomainError } from "./errors";

/** A calendar date, "YYYY-MM-DD", in Europe/Stockholm. */
export type IsoDate = string;

const holidays = new Holidays("SE");
const closedDaysByYear = new Map<number, Set<IsoDate>>();

/**
 * Days besides weekends on which Swedish banks are closed: every holiday date-holidays marks
 * "public" for SE (nyårsdagen, trettondedag jul, långfredagen, påskdagen, annandag påsk, första
 * maj, Kristi himmelsfärdsdag, pingstdagen, nationaldagen, midsommardagen, alla helgons dag,
 * juldagen, annandag jul) plus the three eves that are not bank days. date-holidays types those
 * eves "bank", but other eves it lists (trettondagsafton, valborgsmässoafton, allhelgonaafton) are
 * "optional" half days that are bank days, so the three are named here rather than trusting a type.
 */
function closedDays(year: number): Set<IsoDate> {
  let days = closedDaysByYear.get(year);
  if (!days) {
    days = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    days.add(midsummerEve(year));
    days.add(`${year}-12-24`); // julafton
    days.add(`${year}-12-31`); // nyårsafton
    closedDaysByYear.set(year, days);
  }
  return days;
}

/** A public holiday, or Midsummer, Christmas or New Year's Eve: the days the country is off. */
export function isHolidayOrEve(d: IsoDate): boolean {
  return closedDays(Number(d.slice(0, 4))).has(d);
}

/** Midsommarafton: the Friday from 19 to 25 June. */
export function midsummerEve(year: number): IsoDate {
  const june19 = `${year}-06-19`;
  return addDays(june19, (5 - dayOfWeek(june19) + 7) % 7);
}

/**
 * Dates are days since 1970-01-01, counted with the proleptic Gregorian calendar (Hinnant's
 * days_from_civil and civil_from_days): no Date objects and no time zones, which matters because
 * the ledger and the plans move dates thousands of times a request.
 */
function dayNumberOf(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isoOfDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The digit at `i` of `value` as a number, or NaN for anything else. */
function digitAt(value: string, i: number): number {
  const code = value.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * The day number of a real date from year 1000 to 9999, or NaN for anything else. Read character
 * by character (YYYY-MM-DD, ten of them): the ledger reads dates a great many times.
 */
function dayNumber(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  const y = digitAt(value, 0) * 1000 + digitAt(value, 1) * 100 + digitAt(value, 2) * 10 + digitAt(value, 3);
  const m = digitAt(value, 5) * 10 + digitAt(value, 6);
  const d = digitAt(value, 8) * 10 + digitAt(value, 9);
  // NaN fails every comparison, so a non-digit anywhere ends here too.
  if (!(y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m))) return Number.NaN;
  return dayNumberOf(y, m, d);
}

export function isIsoDate(value: string): boolean {
  return !Number.isNaN(dayNumber(value));
}

/** The day number of `value`, refusing anything that is not a real date. */
function checkedDayNumber(value: IsoDate): number {
  const n = dayNumber(value);
  if (Number.isNaN(n)) throw new DomainError("invalid_date", "expected a real date YYYY-MM-DD", { date: value });
  return n;
}

function assertIsoDate(value: IsoDate): void {
  checkedDayNumber(value);
}

function assertWhole(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new DomainError("invalid_number", `${name} must be a whole number`, { [name]: n });
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const day = checkedDayNumber(d);
  assertWhole(n, "days");
  return isoOfDayNumber(day + n);
}

/** Same day n months on, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  assertIsoDate(d);
  assertWhole(n, "months");
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = months - year * 12 + 1;
  return isoOfDayNumber(dayNumberOf(year, month, Math.min(day, daysInMonth(year, month))));
}

/** Calendar days from `from` to `to`: daysBetween("2026-12-31", "2027-01-01") is 1; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return checkedDayNumber(to) - checkedDayNumber(from);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 is Sunday, 6 is Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(d: IsoDate): number {
  return (((checkedDayNumber(d) + 4) % 7) + 7) % 7;
}

/** Not a Saturday or Sunday, not a public holiday, not Midsommarafton, Julafton or Nyårsafton. */
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

/** `n` bank days on (or back, when negative) from `d`; `d` itself need not be a bank day. 0 returns `d`. */
export function addBankDays(d: IsoDate, n: number): IsoDate {
  assertIsoDate(d);
  assertWhole(n, "bankDays");
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
  if (!Number.isInteger(year) || year < 1 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainError("invalid_month", "year and month (1–12) expected", { year, month });
  }
  return previousBankDay(`${year}-${String(month).padStart(2, "0")}-25`);
}

/**
 * The payday-aware due date: the first bank day on or after the 26th, in the month of `earliest`
 * if that is not before `earliest`, else in the next month.
 */
export function paydayDueDate(earliest: IsoDate): IsoDate {
  assertIsoDate(earliest);
  const candidate = nextBankDay(`${earliest.slice(0, 7)}-26`);
  if (candidate >= earliest) return candidate;
  return nextBankDay(`${addMonths(`${earliest.slice(0, 7)}-01`, 1).slice(0, 7)}-26`);
}

const stockholm = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

let lastDay: { minute: number; day: IsoDate } | undefined;

/**
 * Today's date in Stockholm at a moment in time (the caller passes the clock). Every request asks,
 * so the answer is kept for its UTC minute: Stockholm is a whole number of hours from UTC, so its
 * date can only turn at the start of one.
 */
export function todayInStockholm(now: Date): IsoDate {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new DomainError("invalid_date", "now is not a valid moment");
  const minute = Math.floor(time / 60_000);
  if (lastDay?.minute === minute) return lastDay.day;
  const parts = Object.fromEntries(stockholm.formatToParts(now).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  lastDay = { minute, day };
  return day;
}
