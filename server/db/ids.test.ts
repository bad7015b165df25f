import { describe, expect, it } from "vitest";
import { uuidv7 } from "./ids";

describe("uuidv7", () => {
  it("is a version 7, variant 1 UUID carrying the time", () => {
    const id = uuidv7(Date.UTC(2026, 10, 23, 6, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replaceAll("-", "").slice(0, 12), 16)).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 23, 6, 0, 0));
  });

  it("sorts in the order the ids were made, many in one millisecond and with the clock going back", () => {
    const now = Date.now() + 60_000;
    const ids = [...Array.from({ length: 10_000 }, () => uuidv7(now)), uuidv7(now - 5_000), uuidv7(now + 1)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
