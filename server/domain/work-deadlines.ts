import { addBankDays, type IsoDate, todayInStockholm } from "./calendar";

/** Bank days a person has to act on each kind of queue item that has no clock of its own. */
export const WORK_ITEM_BANK_DAYS = {
  plan_request: 2,
  unmatched_payment: 3,
  overpayment: 5,
  broken_promise: 1,
} as const;

/** Items due within this long are shown as soon due. */
export const DUE_SOON_MS = 2 * 60 * 60 * 1000;

const offsetFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", timeZoneName: "longOffset" });

/** The moment it is `hh:mm` in Stockholm on `date`. */
export function stockholmMoment(date: IsoDate, hh: number, mm = 0): Date {
  const guess = new Date(`${date}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00Z`);
  const name = offsetFormat.formatToParts(guess).find((p) => p.type === "timeZoneName")?.value ?? "GMT+01:00";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMinutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 60;
  return new Date(guess.getTime() - offsetMinutes * 60_000);
}

/** Close of business (17:00 in Stockholm) `bankDays` bank days after `now`. */
export function bankDaysLater(now: Date, bankDays: number): Date {
  return stockholmMoment(addBankDays(todayInStockholm(now), bankDays), 17);
}

export function workItemDueBy(kind: keyof typeof WORK_ITEM_BANK_DAYS, now: Date): Date {
  return bankDaysLater(now, WORK_ITEM_BANK_DAYS[kind]);
}

export type Urgency = "overdue" | "soon" | "later";

/** How plainly a deadline is shown: past, within two hours, or later. */
export function urgencyOf(dueBy: Date, now: Date): Urgency {
  const left = dueBy.getTime() - now.getTime();
  if (left < 0) return "overdue";
  if (left <= DUE_SOON_MS) return "soon";
  return "later";
}
