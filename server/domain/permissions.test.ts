import { describe, expect, it } from "vitest";
import { PERMISSIONS, rolesWith, staffMay } from "./permissions";

describe("staff permissions", () => {
  it("gives agents the day's work, supervisors the audit and policies, admins the staff list", () => {
    expect(staffMay("agent", "debtor:read")).toBe(true);
    expect(staffMay("agent", "audit:read")).toBe(false);
    expect(staffMay("supervisor", "audit:read")).toBe(true);
    expect(staffMay("supervisor", "staff:manage")).toBe(false);
    expect(rolesWith("staff:manage")).toEqual(["admin"]);
    expect(rolesWith("insights:read")).toEqual(["supervisor", "admin"]);
    expect(rolesWith("experiments:manage")).toEqual(["supervisor", "admin"]);
  });

  it("lets each higher role do everything the role below it does", () => {
    for (const p of PERMISSIONS) {
      if (staffMay("agent", p)) expect(staffMay("supervisor", p)).toBe(true);
      if (staffMay("supervisor", p)) expect(staffMay("admin", p)).toBe(true);
    }
  });

  it("still reads a least role", () => {
    expect(rolesWith("supervisor")).toEqual(["supervisor", "admin"]);
  });
});
