import { describe, expect, it } from "vitest";
import { channelOrder, decideDispatch, earliestSendTime, isQuietDay, stockholmTime, type DispatchInput } from "./outreach";

const FRIDAY_1959 = stockholmTime("2026-12-04", 19, 59);
const FRIDAY_2000 = stockholmTime("2026-12-04", 20, 0);
const SATURDAY_1000 = stockholmTime("2026-12-05", 10, 0);
const SATURDAY_0700 = stockholmTime("2026-12-05", 7, 0);
const SUNDAY_1200 = stockholmTime("2026-12-06", 12, 0);
const MIDSUMMER_EVE_1000 = stockholmTime("2026-06-19", 10, 0);

function input(now: Date, overrides: Partial<DispatchInput> = {}): DispatchInput {
  return {
    now,
    scheduledFor: new Date(now.getTime() - 60_000),
    expiresAt: null,
    failedChannels: [],
    committedChannel: null,
    person: { order: ["sms", "email", "paper", "kivra"], hasEmail: true, hasPhone: true, hasAddress: true, lastSmsAt: null },
    caseOnHold: false,
    supportNeed: false,
    requested: false,
    ...overrides,
  };
}

describe("quiet hours on a fixed clock", () => {
  it("Friday 19:59: an SMS still goes", () => {
    expect(decideDispatch(input(FRIDAY_1959))).toEqual({ action: "send", channel: "sms" });
  });

  it("Friday 20:00: an SMS waits for Saturday 09:00, an e-mail goes at once", () => {
    expect(decideDispatch(input(FRIDAY_2000))).toEqual({ action: "wait", until: stockholmTime("2026-12-05", 9), channel: "sms", reason: "quiet_hours" });
    expect(decideDispatch(input(FRIDAY_2000, { person: { ...input(FRIDAY_2000).person, order: ["email", "sms"] } }))).toEqual({ action: "send", channel: "email" });
  });

  it("a Saturday is an ordinary day between 08:00 and 20:00; before 08:00 an SMS waits for 09:00 that day", () => {
    expect(decideDispatch(input(SATURDAY_1000))).toEqual({ action: "send", channel: "sms" });
    expect(earliestSendTime("sms", SATURDAY_0700)).toEqual(stockholmTime("2026-12-05", 9));
    expect(earliestSendTime("paper", SATURDAY_0700)).toEqual(stockholmTime("2026-12-05", 8));
  });

  it("a Sunday: only e-mail and Kivra; an SMS waits for Monday 09:00", () => {
    expect(isQuietDay("2026-12-06")).toBe(true);
    expect(earliestSendTime("sms", SUNDAY_1200)).toEqual(stockholmTime("2026-12-07", 9));
    expect(earliestSendTime("kivra", SUNDAY_1200)).toEqual(SUNDAY_1200);
    expect(earliestSendTime("email", SUNDAY_1200)).toEqual(SUNDAY_1200);
  });

  it("midsummer's eve: an SMS waits past Midsummer Day and the Sunday, to Monday 09:00", () => {
    expect(isQuietDay("2026-06-19")).toBe(true);
    expect(decideDispatch(input(MIDSUMMER_EVE_1000))).toEqual({ action: "wait", until: stockholmTime("2026-06-22", 9), channel: "sms", reason: "quiet_hours" });
    expect(stockholmTime("2026-06-22", 9).toISOString()).toBe("2026-06-22T07:00:00.000Z");
  });

  it("Christmas Eve and the days after are quiet", () => {
    expect(earliestSendTime("sms", stockholmTime("2026-12-24", 12))).toEqual(stockholmTime("2026-12-28", 9));
  });
});

describe("one SMS a week", () => {
  it("a second SMS within seven days goes by the person's next channel instead", () => {
    const lastSmsAt = new Date(SATURDAY_1000.getTime() - 3 * 86_400_000);
    const decision = decideDispatch(input(SATURDAY_1000, { person: { ...input(SATURDAY_1000).person, lastSmsAt } }));
    expect(decision).toEqual({ action: "send", channel: "email" });
  });

  it("with no other channel it waits until the week has passed, then for the SMS hours", () => {
    const lastSmsAt = stockholmTime("2026-11-28", 19, 30);
    const decision = decideDispatch(input(SATURDAY_1000, { person: { order: ["sms", "email", "paper", "kivra"], hasEmail: false, hasPhone: true, hasAddress: false, lastSmsAt }, failedChannels: ["kivra"] }));
    expect(decision).toEqual({ action: "wait", until: stockholmTime("2026-12-05", 19, 30), channel: "sms", reason: "weekly_sms" });
  });

  it("a code the person asked for is not counted against the week and ignores quiet hours", () => {
    const lastSmsAt = new Date(SUNDAY_1200.getTime() - 86_400_000);
    expect(decideDispatch(input(SUNDAY_1200, { requested: true, person: { ...input(SUNDAY_1200).person, lastSmsAt } }))).toEqual({ action: "send", channel: "sms" });
  });
});

describe("holds and support needs", () => {
  it("a case on hold (a dispute) gets nothing automated; it is asked again the next day", () => {
    const decision = decideDispatch(input(SATURDAY_1000, { caseOnHold: true }));
    expect(decision).toMatchObject({ action: "wait", reason: "on_hold" });
  });

  it("a person with a support need gets no automated message sooner than 14 days after the last one", () => {
    const threeDaysAgo = new Date(FRIDAY_1959.getTime() - 3 * 86_400_000);
    expect(decideDispatch(input(FRIDAY_1959, { supportNeed: true, lastAutomatedAt: threeDaysAgo }))).toEqual({
      action: "wait",
      until: new Date(threeDaysAgo.getTime() + 14 * 86_400_000),
      channel: null,
      reason: "support_need",
    });
    const fifteenDaysAgo = new Date(FRIDAY_1959.getTime() - 15 * 86_400_000);
    expect(decideDispatch(input(FRIDAY_1959, { supportNeed: true, lastAutomatedAt: fifteenDaysAgo }))).toEqual({ action: "send", channel: "sms" });
    // The first message goes; without a support need the pace is the usual one.
    expect(decideDispatch(input(FRIDAY_1959, { supportNeed: true, lastAutomatedAt: null }))).toEqual({ action: "send", channel: "sms" });
    expect(decideDispatch(input(FRIDAY_1959, { lastAutomatedAt: threeDaysAgo }))).toEqual({ action: "send", channel: "sms" });
  });

  it("a support need never holds back what the person asked for", () => {
    const yesterday = new Date(FRIDAY_1959.getTime() - 86_400_000);
    expect(decideDispatch(input(FRIDAY_1959, { supportNeed: true, lastAutomatedAt: yesterday, requested: true }))).toEqual({ action: "send", channel: "sms" });
  });

  it("a reminder whose moment has passed is cancelled rather than sent late", () => {
    expect(decideDispatch(input(SATURDAY_1000, { expiresAt: SATURDAY_0700 }))).toEqual({ action: "cancel", reason: "expired" });
  });
});

describe("channels", () => {
  it("the person's order first, then the rest", () => {
    expect(channelOrder(["sms"], "kivra")).toEqual(["sms", "kivra", "email", "paper"]);
    expect(channelOrder(null, "paper")).toEqual(["paper", "kivra", "email", "sms"]);
  });

  it("a channel that failed for good is skipped; one with no address too", () => {
    const decision = decideDispatch(input(SATURDAY_1000, { failedChannels: ["sms"], person: { ...input(SATURDAY_1000).person, hasEmail: false } }));
    expect(decision).toEqual({ action: "send", channel: "paper" });
  });

  it("a retry keeps the channel of its first attempt", () => {
    expect(decideDispatch(input(SATURDAY_1000, { committedChannel: "kivra" }))).toEqual({ action: "send", channel: "kivra" });
  });
});
