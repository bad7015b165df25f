import { describe, expect, it } from "vitest";
import { assignArm, caseTerms, checkArms, dueDateOnDay } from "./experiments";

const policy = { defaultDueDay: 26, letterWording: "standard" as const, reminderDaysBefore: 3 };

describe("arm assignment", () => {
  it("is stable for a person and splits people about evenly", () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const first = ids.map((id) => assignArm("salt-1", id));
    expect(ids.map((id) => assignArm("salt-1", id))).toEqual(first);
    const a = first.filter((x) => x === "a").length;
    // Binomial(4000, ½): 99.9 % of splits fall within ±104 of 2000.
    expect(Math.abs(a - 2000)).toBeLessThan(105);
  });

  it("splits afresh for another experiment", () => {
    const ids = Array.from({ length: 400 }, (_, i) => `id-${i}`);
    const same = ids.filter((id) => assignArm("x", id) === assignArm("y", id)).length;
    expect(same).toBeGreaterThan(150);
    expect(same).toBeLessThan(250);
  });
});

describe("due dates on a day of the month", () => {
  it("takes the first such day at least 14 days on, on a bank day", () => {
    expect(dueDateOnDay("2026-12-01", 26)).toBe("2026-12-28"); // Sat 26 Dec (annandag jul) → Mon 28th
    expect(dueDateOnDay("2026-12-01", 23)).toBe("2026-12-23");
    expect(dueDateOnDay("2026-12-10", 23)).toBe("2027-01-25"); // 23 Dec is too soon; 23 Jan is a Saturday
    expect(dueDateOnDay("2027-01-20", 30)).toBe("2027-03-01"); // February's last day, the 28th, is a Sunday
  });
});

describe("case terms", () => {
  it("is the policy when nothing runs", () => {
    expect(caseTerms(policy, null, "p1", "2026-11-02")).toEqual({ ...policy, dueDate: "2026-11-26", experiment: null });
  });

  it("takes the person's arm of a running experiment", () => {
    const experiment = { id: "e1", kind: "reminder_days" as const, armA: "3", armB: "5", salt: "s" };
    for (const id of ["p1", "p2", "p3", "p4", "p5", "p6"]) {
      const terms = caseTerms(policy, experiment, id, "2026-11-02");
      expect(terms.reminderDaysBefore).toBe(terms.experiment!.arm === "a" ? 3 : 5);
    }
    const wording = caseTerms(policy, { id: "e2", kind: "letter_wording", armA: "standard", armB: "brief", salt: "s" }, "p1", "2026-11-02");
    expect(wording.letterWording).toBe(wording.experiment!.arm === "a" ? "standard" : "brief");
  });

  it("checks the arms", () => {
    expect(checkArms("due_day", "23", " 26")).toEqual({ armA: "23", armB: "26" });
    expect(() => checkArms("due_day", "23", "23")).toThrow();
    expect(() => checkArms("due_day", "23", "31")).toThrow();
    expect(() => checkArms("letter_wording", "standard", "shouting")).toThrow();
    expect(checkArms("reminder_days", "3", "5")).toEqual({ armA: "3", armB: "5" });
  });
});
