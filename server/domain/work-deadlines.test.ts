import { describe, expect, it } from "vitest";
import { bankDaysLater, stockholmMoment, urgencyOf } from "./work-deadlines";

describe("work deadlines", () => {
  it("finds Stockholm's 17:00 in winter and in summer", () => {
    expect(stockholmMoment("2026-12-02", 17).toISOString()).toBe("2026-12-02T16:00:00.000Z");
    expect(stockholmMoment("2026-06-02", 17).toISOString()).toBe("2026-06-02T15:00:00.000Z");
  });

  it("counts bank days, skipping the weekend", () => {
    // Friday 4 December plus one bank day is Monday 7 December.
    expect(bankDaysLater(new Date("2026-12-04T09:00:00Z"), 1).toISOString()).toBe("2026-12-07T16:00:00.000Z");
  });

  it("says overdue, soon (within two hours) or later", () => {
    const now = new Date("2026-12-02T10:00:00Z");
    expect(urgencyOf(new Date("2026-12-02T09:59:00Z"), now)).toBe("overdue");
    expect(urgencyOf(new Date("2026-12-02T12:00:00Z"), now)).toBe("soon");
    expect(urgencyOf(new Date("2026-12-02T12:01:00Z"), now)).toBe("later");
  });
});
