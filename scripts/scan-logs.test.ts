import { describe, expect, it } from "vitest";
import { demoPersonalNumbers, findPersonalNumbers } from "./scan-logs.mjs";

describe("the personal-number log scan", () => {
  const numbers = demoPersonalNumbers();

  it("knows every demo person's number from the seed files", () => {
    expect(numbers).toContain("199003142388");
    expect(numbers).toContain("197508083354");
    expect(numbers.length).toBeGreaterThanOrEqual(9);
  });

  it("finds a number in each common spelling, and nothing in numbers that only contain it", () => {
    const log = [
      "GET /cases 200",
      "signed in 199003142388",
      "person 19900314-2388 ok",
      "19900314 2388",
      "900314-2388",
      "900314+2388",
      "pnr=9003142388;",
      "900314 2388",
      "OCR 419900314238812 and 1990031423889",
    ].join("\n");
    expect(findPersonalNumbers(log, numbers).map((h) => [h.line, h.format])).toEqual([
      [2, "YYYYMMDDNNNN"],
      [3, "YYYYMMDD-NNNN"],
      [4, "YYYYMMDD NNNN"],
      [5, "YYMMDD-NNNN"],
      [6, "YYMMDD+NNNN"],
      [7, "YYMMDDNNNN"],
      [8, "YYMMDD NNNN"],
    ]);
  });
});
