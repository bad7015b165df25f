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

/** Midsommarafton: the Friday from 19 to 25 June. */
export function midsummerEve(year: number): IsoDate {
  const june19 = `${year}-06-19`;
  return addDays(june19, (5 - dayOfWeek(june19) + 7) % 7);
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

function assertIsoDate(value: IsoDate): void {
  if (!isIsoDate(value)) throw new DomainError("invalid_date", "expected a real date YYYY-MM-DD", { date: value });
}

function assertWhole(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new DomainError("invalid_number", `${name} must be a whole number`, { [name]: n });
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertIsoDate(d);
  assertWhole(n, "days");
  const date = toUtc(d);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Same day n months on, clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  assertIsoDate(d);
  assertWhole(n, "months");
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return fromUtc(first);
}

/** Calendar days from `from` to `to`: daysBetween("2026-12-31", "2027-01-01") is 1; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  assertIsoDate(from);
  assertIsoDate(to);
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function dayOfWeek(d: IsoDate): number {
  return toUtc(d).getUTCDay();
}

/** Not a Saturday or Sunday, not a public holiday, not Midsommarafton, Julafton or Nyårsafton. */
export function isBankDay(d: IsoDate): boolean {
  assertIsoDate(d);
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

/** Today's date in Stockholm at a moment in time (the caller passes the clock). */
export function todayInStockholm(now: Date): IsoDate {
  if (Number.isNaN(now.getTime())) throw new DomainError("invalid_date", "now is not a valid moment");
  const parts = Object.fromEntries(stockholm.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
