import { describe, expect, it } from "vitest";
import { cookiesSecureFor } from "./cookies";

describe("cookiesSecureFor", () => {
  it("is secure for every address but loopback over plain HTTP", () => {
    expect(cookiesSecureFor("https://portal.example.se")).toBe(true);
    expect(cookiesSecureFor("http://portal.example.se")).toBe(true);
    expect(cookiesSecureFor("http://10.0.0.5:3000")).toBe(true);
    expect(cookiesSecureFor("https://localhost:3000")).toBe(true);
    expect(cookiesSecureFor("http://localhost:3000")).toBe(false);
    expect(cookiesSecureFor("http://127.0.0.1:3000")).toBe(false);
    expect(cookiesSecureFor("http://[::1]:3000")).toBe(false);
  });
});
