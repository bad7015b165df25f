import { describe, expect, it } from "vitest";
import { fillTemplate, unknownFields } from "./reply-templates";

describe("reply templates", () => {
  it("fills in the case's facts and leaves an unknown field visible", () => {
    expect(fillTemplate("Hej {name}. Ärende {caseNumber}: {amountLeft} kvar. {oops}", { name: "Erik", caseNumber: "K-1", amountLeft: "1 234,50 kr" })).toBe("Hej Erik. Ärende K-1: 1 234,50 kr kvar. {oops}");
    expect(unknownFields("{name} {oops} {oops}")).toEqual(["oops"]);
  });
});
