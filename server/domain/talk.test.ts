import { describe, expect, it } from "vitest";
import { isBankDay } from "./calendar";
import { callbackDays, callbackWindows, checkCallbackSlot, complaintDueOn, dataAccessDueOn, replyDueBy, replyDueOn, stockholmMoment } from "./talk";

describe("reply times", () => {
  it("counts bank days from today in Stockholm", () => {
    // Wednesday 2 December 2026
    expect(replyDueOn(new Date("2026-12-02T09:00:00Z"), 1)).toBe("2026-12-03");
    expect(replyDueOn(new Date("2026-12-02T09:00:00Z"), 2)).toBe("2026-12-04");
    // Friday evening: Monday
    expect(replyDueOn(new Date("2026-12-04T20:00:00Z"), 1)).toBe("2026-12-07");
    // 23.30 UTC on Friday is already Saturday in Stockholm
    expect(replyDueOn(new Date("2026-12-04T23:30:00Z"), 1)).toBe("2026-12-07");
    // Around Christmas: Julafton, juldagen, annandag jul are closed
    expect(replyDueOn(new Date("2026-12-23T09:00:00Z"), 1)).toBe("2026-12-28");
  });

  it("never promises the same day, even with 0 bank days set", () => {
    expect(replyDueOn(new Date("2026-12-02T09:00:00Z"), 0)).toBe("2026-12-03");
  });

  it("a reply is due by the end of opening hours, in winter and summer time", () => {
    expect(replyDueBy("2026-12-03").toISOString()).toBe("2026-12-03T16:00:00.000Z");
    expect(replyDueBy("2026-06-03").toISOString()).toBe("2026-06-03T15:00:00.000Z");
    expect(stockholmMoment("2026-03-29", 8).toISOString()).toBe("2026-03-29T06:00:00.000Z");
    expect(stockholmMoment("2026-10-25", 8).toISOString()).toBe("2026-10-25T07:00:00.000Z");
  });

  it("complaints within 5 bank days, data access within a month on a bank day", () => {
    expect(complaintDueOn(new Date("2026-12-02T09:00:00Z"))).toBe("2026-12-09");
    expect(dataAccessDueOn(new Date("2026-12-02T09:00:00Z"))).toBe("2027-01-04");
    expect(dataAccessDueOn(new Date("2026-01-31T09:00:00Z"))).toBe("2026-03-02");
  });
});

describe("callbacks", () => {
  it("opening hours cut into windows of two hours", () => {
    expect(callbackWindows()).toEqual([
      { startHour: 8, endHour: 10 },
      { startHour: 10, endHour: 12 },
      { startHour: 12, endHour: 14 },
      { startHour: 14, endHour: 16 },
      { startHour: 16, endHour: 17 },
    ]);
  });

  it("offers the next ten bank days from tomorrow", () => {
    const days = callbackDays(new Date("2026-12-18T09:00:00Z"));
    expect(days).toHaveLength(10);
    expect(days[0]).toBe("2026-12-21");
    expect(days).not.toContain("2026-12-24");
    expect(days.every(isBankDay)).toBe(true);
  });

  it("refuses a day not offered and a window outside opening hours", () => {
    const now = new Date("2026-12-02T09:00:00Z");
    expect(checkCallbackSlot(now, "2026-12-03", 10)).toEqual({ startHour: 10, endHour: 12 });
    expect(() => checkCallbackSlot(now, "2026-12-02", 10)).toThrow(expect.objectContaining({ code: "callback_day_invalid" }));
    expect(() => checkCallbackSlot(now, "2026-12-05", 10)).toThrow(expect.objectContaining({ code: "callback_day_invalid" }));
    expect(() => checkCallbackSlot(now, "2026-12-03", 17)).toThrow(expect.objectContaining({ code: "callback_window_invalid" }));
    expect(() => checkCallbackSlot(now, "2026-12-03", 9)).toThrow(expect.objectContaining({ code: "callback_window_invalid" }));
  });
});
