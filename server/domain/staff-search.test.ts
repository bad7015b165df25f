import { describe, expect, it } from "vitest";
import { parseSearch } from "./staff-search";

const today = "2026-12-02";

describe("the staff search box", () => {
  it("reads a personal number in every usual form", () => {
    for (const q of ["19851122-4571", "198511224571", "851122-4571", "8511224571", " 851122 4571 "]) {
      expect(parseSearch(q, today).personalNumber, q).toBe("198511224571");
    }
  });

  it("reads references, e-mail addresses, phone numbers and names", () => {
    expect(parseSearch("k-2026-004201", today).reference).toBe("K-2026-004201");
    expect(parseSearch("erik@example.se", today)).toEqual({ email: "erik@example.se" });
    expect(parseSearch("070-123 45 67", today).phones).toContain("+46701234567");
    expect(parseSearch("+46701234567", today).phones).toContain("+46701234567");
    expect(parseSearch("Erik Johansson", today).names).toEqual(["erik", "johansson"]);
    expect(parseSearch("Åsa", today).names).toEqual(["åsa"]);
  });

  it("finds nothing in an empty box", () => {
    expect(parseSearch("   ", today)).toEqual({});
  });
});
