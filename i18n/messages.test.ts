import { describe, expect, it } from "vitest";
import en from "../messages/en.json";
import sv from "../messages/sv.json";
import { lix } from "./lix";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

const svFlat = flatten(sv as Tree);
const enFlat = flatten(en as Tree);

/** Namespaces a debtor reads. BankID's own recommended texts (bankid.*) are used verbatim. */
const DEBTOR_NAMESPACES = ["common", "start", "login", "cases", "case", "help", "debtFree", "descriptions", "pay", "plan", "attachments", "talk", "reach", "dispute", "preferences"];
const debtorKeys = Object.keys(svFlat).filter((k) => DEBTOR_NAMESPACES.includes(k.split(".")[0]!));

describe("message catalogues", () => {
  it("every key exists in every language", () => {
    expect(Object.keys(enFlat).sort()).toEqual(Object.keys(svFlat).sort());
  });

  it("no text is empty and placeholders match across languages", () => {
    for (const [key, text] of Object.entries(svFlat)) {
      expect(text.trim(), key).not.toBe("");
      const names = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
      expect(names(enFlat[key] ?? ""), key).toEqual(names(text));
    }
  });

  it("debtor texts never threaten or shout", () => {
    for (const key of debtorKeys) expect(svFlat[key], key).not.toMatch(/!.*!|gäldenär|omedelbart|sista varning/i);
  });
});

describe("readability (LIX)", () => {
  it("computes LIX as defined", () => {
    // 6 words, 1 sentence, 2 long words ("betalningen", "kommit"? no: 6 letters) → 6 + 100*1/6
    expect(lix("Nu har betalningen kommit fram hit.")).toBeCloseTo(6 / 1 + (100 * 1) / 6, 5);
    expect(lix("Kort. Text.")).toBeCloseTo(1, 5);
  });

  it("every Swedish debtor text of twelve words or more has LIX ≤ 40", () => {
    const hard = debtorKeys
      .map((key) => ({ key, text: svFlat[key]!, score: lix(svFlat[key]!) }))
      .filter(({ text }) => text.split(/\s+/).length >= 12)
      .filter(({ score }) => score > 40);
    expect(hard.map((h) => `${h.key}: ${h.score.toFixed(1)}`)).toEqual([]);
  });

  it("each debtor page's Swedish text as a whole has LIX ≤ 40", () => {
    for (const ns of DEBTOR_NAMESPACES) {
      const texts = debtorKeys.filter((k) => k.startsWith(`${ns}.`)).map((k) => svFlat[k]!.trim().replace(/([^.!?:])$/, "$1."));
      if (texts.length === 0) continue;
      expect(lix(texts.join(" ")), ns).toBeLessThanOrEqual(40);
    }
  });
});
