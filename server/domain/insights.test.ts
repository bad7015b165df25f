import { describe, expect, it } from "vitest";
import { ageBand, differenceOfProportions, dueGroup, meanOf, MIN_N, rate, verdict, wilson, withinWindow } from "./insights";

// Published values: R. G. Newcombe, "Two-sided confidence intervals for the single proportion:
// comparison of seven methods", Statistics in Medicine 17 (1998) 857–872, table I, method 3 (Wilson
// score without continuity correction); and "Interval estimation for the difference between
// independent proportions: comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890,
// table II, method 10 (hybrid score). Both rounded to four decimals there.
describe("wilson", () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i gives %f to %f (Newcombe 1998, method 3)", (k, n, low, high) => {
    const ci = wilson(k, n);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it("is symmetric: k of n mirrors n−k of n", () => {
    const a = wilson(7, 40);
    const b = wilson(33, 40);
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
  });

  it("says nothing for no cases, and refuses impossible counts", () => {
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    expect(() => wilson(5, 4)).toThrow(RangeError);
    expect(() => wilson(-1, 4)).toThrow(RangeError);
    expect(() => wilson(1.5, 4)).toThrow(RangeError);
  });
});

describe("rate", () => {
  it("is k/n with its interval, and too few below 20", () => {
    expect(rate(11, 20)).toMatchObject({ k: 11, n: 20, rate: 0.55, tooFew: false });
    expect(rate(1, MIN_N - 1).tooFew).toBe(true);
    expect(rate(0, 0)).toMatchObject({ rate: 0, tooFew: true });
  });
});

describe("difference of proportions (second minus first)", () => {
  it.each([
    // [k1, n1, k2, n2, low, high] from Newcombe's examples, written as p1 − p2 there.
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1.0],
    [10, 10, 0, 10, 0.6075, 1.0],
  ])("%i/%i − %i/%i lies in %f to %f (Newcombe 1998, method 10)", (k1, n1, k2, n2, low, high) => {
    // Our function gives second − first, so Newcombe's first share goes second.
    const d = differenceOfProportions(k2, n2, k1, n1);
    expect(d.difference).toBeCloseTo(k1 / n1 - k2 / n2, 12);
    expect(d.low).toBeCloseTo(low, 4);
    expect(d.high).toBeCloseTo(high, 4);
  });

  it("says in words whether the arms can be told apart", () => {
    expect(verdict(differenceOfProportions(10, 100, 40, 100))).toBe("second_higher");
    expect(verdict(differenceOfProportions(40, 100, 10, 100))).toBe("first_higher");
    expect(verdict(differenceOfProportions(30, 100, 33, 100))).toBe("not_yet");
    expect(verdict(differenceOfProportions(1, 10, 9, 10))).toBe("too_few");
  });
});

describe("mean with interval", () => {
  it("matches the textbook normal interval", () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sample sd 2.138; half width 1.96·2.138/√8 = 1.4816.
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    const m = meanOf(xs.length, xs.reduce((a, b) => a + b, 0), xs.reduce((a, b) => a + b * b, 0));
    expect(m.mean).toBe(5);
    expect(m.high - m.mean).toBeCloseTo(1.4816, 3);
    expect(m.tooFew).toBe(true);
  });
});

describe("groups", () => {
  it("bands ages on the letter's day", () => {
    expect(ageBand("2000-12-06", "2026-12-05")).toBe("18-25");
    expect(ageBand("2000-12-05", "2026-12-05")).toBe("26-40");
    expect(ageBand("1986-01-01", "2026-12-05")).toBe("26-40");
    expect(ageBand("1985-12-05", "2026-12-05")).toBe("41-65");
    expect(ageBand("1960-12-05", "2026-12-05")).toBe("66+");
  });

  it("places due days against payday, the 25th", () => {
    expect(dueGroup("2026-12-23")).toBe("before");
    expect(dueGroup("2026-11-25")).toBe("on");
    expect(dueGroup("2026-11-26")).toBe("after");
    expect(dueGroup("2026-11-02")).toBe("before");
  });

  it("counts a window only once it has passed", () => {
    expect(withinWindow("2026-12-01", null, "2026-12-05", 5)).toEqual({ eligible: false, paid: false });
    expect(withinWindow("2026-12-01", "2026-12-06", "2026-12-06", 5)).toEqual({ eligible: true, paid: true });
    expect(withinWindow("2026-12-01", "2026-12-07", "2026-12-20", 5)).toEqual({ eligible: true, paid: false });
  });
});
