import { addDays, dayOfWeek, isHolidayOrEve, todayInStockholm, type IsoDate } from "./calendar";

/**
 * When and how a message to a debtor may go out: the person's order of channels, quiet hours
 * (nothing but e-mail and Kivra from 20:00 to 08:00, on Sundays and on holidays; an SMS waits for
 * 09:00 on the next allowed day), at most one SMS a week, and nothing automated on a case on hold
 * or to a person with a support need. Pure: the caller passes the clock and the facts.
 */

export type Channel = "kivra" | "sms" | "email" | "paper";
export const CHANNELS: readonly Channel[] = ["kivra", "email", "sms", "paper"];

export function isChannel(value: unknown): value is Channel {
  return typeof value === "string" && (CHANNELS as readonly string[]).includes(value);
}

/** The person's channels in their order: the chosen ones first, then the rest in the house order. */
export function channelOrder(order: readonly string[] | null | undefined, preferred: Channel): Channel[] {
  const chosen = (order ?? [preferred]).filter(isChannel);
  const out: Channel[] = [];
  for (const c of [...chosen, ...CHANNELS]) if (!out.includes(c)) out.push(c);
  return out;
}

/** Days on which only e-mail and Kivra go out: Sundays, public holidays and the three eves. */
export function isQuietDay(d: IsoDate): boolean {
  return dayOfWeek(d) === 0 || isHolidayOrEve(d);
}

const stockholmClock = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** Minutes since midnight in Stockholm. */
export function stockholmMinutes(at: Date): number {
  const parts = Object.fromEntries(stockholmClock.formatToParts(at).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/** The moment it is `hh:mm` in Stockholm on a date (CET or CEST, whichever is in force). */
export function stockholmTime(d: IsoDate, hh: number, mm = 0): Date {
  for (const offset of [1, 2]) {
    const candidate = new Date(`${d}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00+0${offset}:00`);
    if (todayInStockholm(candidate) === d && stockholmMinutes(candidate) === hh * 60 + mm) return candidate;
  }
  return new Date(`${d}T${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")}:00+01:00`);
}

const OPEN = 8 * 60;
const CLOSE = 20 * 60;
const SMS_FROM = 9;

/** Channels that may reach a person at any hour. */
export function isQuietHoursChannel(channel: Channel): boolean {
  return channel === "email" || channel === "kivra";
}

/**
 * The earliest moment at or after `at` when a message may go by this channel. E-mail and Kivra:
 * at once. SMS: 08:00–20:00 on a day that is not quiet, else 09:00 on the next day that is not.
 * Paper goes into the print batch of the next day that is not quiet.
 */
export function earliestSendTime(channel: Channel, at: Date): Date {
  if (isQuietHoursChannel(channel)) return at;
  const today = todayInStockholm(at);
  const minutes = stockholmMinutes(at);
  if (!isQuietDay(today) && minutes >= OPEN && minutes < CLOSE) return at;
  let day = minutes < OPEN && !isQuietDay(today) ? today : addDays(today, 1);
  while (isQuietDay(day)) day = addDays(day, 1);
  return stockholmTime(day, channel === "sms" ? SMS_FROM : OPEN / 60);
}

export const SMS_PER_WEEK = 1;
const WEEK_MS = 7 * 86_400_000;

/** When the next SMS may go, given when the last automated one went (at most one a week). */
export function smsAllowedFrom(lastSmsAt: Date | null): Date | null {
  return lastSmsAt ? new Date(lastSmsAt.getTime() + WEEK_MS) : null;
}

export interface Reachability {
  /** The person's channels in order. */
  order: Channel[];
  hasEmail: boolean;
  hasPhone: boolean;
  hasAddress: boolean;
  /** Kivra is tried when in the order; the provider says whether the person has a mailbox. */
  lastSmsAt: Date | null;
}

export interface DispatchInput {
  now: Date;
  scheduledFor: Date;
  expiresAt: Date | null;
  /** Channels that already failed for good for this message. */
  failedChannels: readonly string[];
  /** The channel it was first sent by (a retry keeps it); null when it has not gone yet. */
  committedChannel: Channel | null;
  person: Reachability;
  /** The case is on hold (a dispute, a rejected dispute's ten days, a staff hold). */
  caseOnHold: boolean;
  /** The person has a support need: automated messages come at a slower pace. */
  supportNeed: boolean;
  /** When the last automated message went to this person (any channel), or null. */
  lastAutomatedAt?: Date | null;
  /** A code the person just asked for, or a reply they are waiting for: not automated. */
  requested: boolean;
}

export type DispatchDecision =
  | { action: "send"; channel: Channel }
  | { action: "wait"; until: Date; channel: Channel | null; reason: "scheduled" | "quiet_hours" | "weekly_sms" | "on_hold" | "support_need" }
  | { action: "cancel"; reason: "expired" | "no_channel" };

function usable(channel: Channel, person: Reachability): boolean {
  if (channel === "email") return person.hasEmail;
  if (channel === "sms") return person.hasPhone;
  if (channel === "paper") return person.hasAddress;
  return true;
}

/** A person with a support need gets at most one automated message in this many days. */
export const SUPPORT_NEED_PACE_DAYS = 14;

/** Decides what the sender does with one message now. */
export function decideDispatch(input: DispatchInput): DispatchDecision {
  const { now } = input;
  if (input.expiresAt && input.expiresAt <= now) return { action: "cancel", reason: "expired" };
  if (input.scheduledFor > now) return { action: "wait", until: input.scheduledFor, channel: null, reason: "scheduled" };
  if (!input.requested) {
    const tomorrow = stockholmTime(addDays(todayInStockholm(now), 1), 0, 5);
    if (input.caseOnHold) return { action: "wait", until: tomorrow, channel: null, reason: "on_hold" };
    if (input.supportNeed && input.lastAutomatedAt) {
      // A slower pace: no automated message sooner than 14 days after the last one.
      const next = new Date(input.lastAutomatedAt.getTime() + SUPPORT_NEED_PACE_DAYS * 86_400_000);
      if (next > now) return { action: "wait", until: next, channel: null, reason: "support_need" };
    }
  }
  const candidates = input.committedChannel
    ? [input.committedChannel]
    : input.person.order.filter((c) => !input.failedChannels.includes(c) && usable(c, input.person));
  if (candidates.length === 0) return { action: "cancel", reason: "no_channel" };

  let firstWait: DispatchDecision | null = null;
  for (const channel of candidates) {
    if (channel === "sms" && !input.requested) {
      const capFrom = smsAllowedFrom(input.person.lastSmsAt);
      if (capFrom && capFrom > now) {
        // The week's SMS has gone: the next channel in the person's order, or wait for the week.
        firstWait ??= { action: "wait", until: earliestSendTime("sms", capFrom), channel, reason: "weekly_sms" };
        continue;
      }
    }
    const at = input.requested ? now : earliestSendTime(channel, now);
    if (at <= now) return { action: "send", channel };
    // A channel in the person's order is waited for rather than skipped: it is the one they chose.
    return { action: "wait", until: at, channel, reason: "quiet_hours" };
  }
  return firstWait!;
}

/** A reminder about a date goes at 08:00 in Stockholm (an SMS waits for 09:00 by the rules above). */
export function reminderAt(d: IsoDate): Date {
  return stockholmTime(d, 8);
}

/** A reminder about a date is not worth sending once that date is over. */
export function reminderExpiresAt(dueDate: IsoDate): Date {
  return stockholmTime(addDays(dueDate, 1), 0);
}
