import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import { escapeText, foldLine, type IcsInput, instalmentsIcs } from "./ics";

const octets = (text: string) => new TextEncoder().encode(text).length;

/** RFC 5545 3.1: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

/** The inverse of TEXT escaping (RFC 5545 3.3.11). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

/** A small parser for what instalmentsIcs writes: content lines grouped into nested components. */
interface Component {
  name: string;
  lines: ContentLine[];
  children: Component[];
}

function parse(ics: string): Component {
  expect(ics.endsWith("\r\n")).toBe(true);
  const lines = unfold(ics).slice(0, -2).split("\r\n");
  const stack: Component[] = [{ name: "ROOT", lines: [], children: [] }];
  for (const raw of lines) {
    const match = /^([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^;:]*)*):(.*)$/.exec(raw);
    expect(match, raw).not.toBeNull();
    const [, name, paramText, value] = match!;
    const params = Object.fromEntries(
      paramText!
        .split(";")
        .filter(Boolean)
        .map((p) => p.split("=") as [string, string]),
    );
    if (name === "BEGIN") {
      const child: Component = { name: value!, lines: [], children: [] };
      stack.at(-1)!.children.push(child);
      stack.push(child);
    } else if (name === "END") {
      expect(stack.at(-1)!.name).toBe(value);
      stack.pop();
    } else {
      stack.at(-1)!.lines.push({ name: name!, params, value: value! });
    }
  }
  expect(stack).toHaveLength(1);
  expect(stack[0]!.children).toHaveLength(1);
  return stack[0]!.children[0]!;
}

const prop = (c: Component, name: string) => c.lines.find((l) => l.name === name);
/** Intl separates amounts with no-break spaces; compare with plain ones. */
const text = (value: string) => unescapeText(value).replace(/[\u00a0\u202f]/g, " ");

const base: IcsInput = {
  planId: "5f0c1a2e-7b1d-4a8e-9c3f-2d6e8b4a1c90",
  title: "Avbetalningsplan",
  instalments: [
    { seq: 1, dueDate: "2026-12-28", amountOre: 47_509, ocrReference: "8000000012345" },
    { seq: 2, dueDate: "2027-01-26", amountOre: 47_509, ocrReference: "8000000012346" },
    { seq: 3, dueDate: "2027-12-31", amountOre: 47_509 },
  ],
  locale: "sv",
  url: "https://kvitt.example/plans/5f0c1a2e-7b1d-4a8e-9c3f-2d6e8b4a1c90",
  dtstamp: new Date("2026-11-24T10:15:30.123Z"),
};

describe("the calendar file", () => {
  const ics = instalmentsIcs(base);
  const calendar = parse(ics);

  it("is CRLF throughout, ends in CRLF, with no line over 75 octets", () => {
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of ics.slice(0, -2).split("\r\n")) expect(octets(line), line).toBeLessThanOrEqual(75);
  });

  it("is a VCALENDAR 2.0 with one all-day VEVENT per instalment", () => {
    expect(calendar.name).toBe("VCALENDAR");
    expect(prop(calendar, "VERSION")?.value).toBe("2.0");
    expect(prop(calendar, "PRODID")?.value).toMatch(/^-\/\/Kvitt\/\//);
    expect(prop(calendar, "CALSCALE")?.value).toBe("GREGORIAN");
    expect(prop(calendar, "METHOD")?.value).toBe("PUBLISH");
    expect(calendar.children.map((c) => c.name)).toEqual(["VEVENT", "VEVENT", "VEVENT"]);
    const [first, , last] = calendar.children as [Component, Component, Component];
    expect(prop(first, "UID")?.value).toBe(`${base.planId}-1@kvitt`);
    expect(prop(first, "DTSTAMP")?.value).toBe("20261124T101530Z");
    expect(prop(first, "DTSTART")).toEqual({ name: "DTSTART", params: { VALUE: "DATE" }, value: "20261228" });
    expect(prop(first, "DTEND")).toEqual({ name: "DTEND", params: { VALUE: "DATE" }, value: "20261229" });
    // The day after New Year's Eve is in the next year.
    expect(prop(last, "DTSTART")?.value).toBe("20271231");
    expect(prop(last, "DTEND")?.value).toBe("20280101");
    expect(prop(first, "URL")?.value).toBe(base.url);
    expect(text(prop(first, "SUMMARY")!.value)).toBe("Betala 475,09 kr – Avbetalningsplan");
    expect(unescapeText(prop(first, "DESCRIPTION")!.value)).toContain("\nOCR-nummer: 8000000012345\n");
    expect(unescapeText(prop(last, "DESCRIPTION")!.value)).not.toContain("OCR");
  });

  it("has stable, distinct UIDs, so a new download updates the same events", () => {
    const uids = calendar.children.map((c) => prop(c, "UID")!.value);
    expect(new Set(uids).size).toBe(3);
    expect(instalmentsIcs({ ...base, dtstamp: new Date("2027-01-01T00:00:00Z") })).toContain(`UID:${base.planId}-2@kvitt\r\n`);
  });

  it("reminds the day before, at nine in the morning", () => {
    for (const event of calendar.children) {
      expect(event.children.map((c) => c.name)).toEqual(["VALARM"]);
      const alarm = event.children[0]!;
      expect(prop(alarm, "ACTION")?.value).toBe("DISPLAY");
      expect(prop(alarm, "TRIGGER")?.value).toBe("-PT15H");
      expect(prop(alarm, "DESCRIPTION")?.value).toMatch(/^Påminnelse: betala i morgon: /);
    }
  });

  it("speaks English", () => {
    const en = parse(instalmentsIcs({ ...base, locale: "en", title: "Instalment plan" }));
    const event = en.children[0]!;
    expect(text(prop(event, "SUMMARY")!.value)).toBe("Pay SEK 475.09 – Instalment plan");
    expect(unescapeText(prop(event, "DESCRIPTION")!.value)).toContain("OCR number: 8000000012345");
    expect(prop(event.children[0]!, "DESCRIPTION")?.value).toMatch(/^Reminder: pay tomorrow: /);
  });

  it("is an empty calendar when nothing is left to pay", () => {
    expect(parse(instalmentsIcs({ ...base, instalments: [] })).children).toEqual([]);
  });
});

describe("text in the calendar", () => {
  it("escapes comma, semicolon, backslash and line breaks", () => {
    expect(escapeText("a,b;c\\d\ne\r\nf\rg")).toBe("a\\,b\\;c\\\\d\\ne\\nf\\ng");
    expect(escapeText("tab\tstays, bell\u0007 goes")).toBe("tab\tstays\\, bell goes");
    const ics = instalmentsIcs({ ...base, title: "Plan, Norrsken; Mobil\\Nord\nrad två" });
    expect(unfold(ics)).toContain("X-WR-CALNAME:Plan\\, Norrsken\\; Mobil\\\\Nord\\nrad två\r\n");
  });

  it("reads back as it was written, whatever the title", () => {
    const special = fc.constantFrom(",", ";", "\\", "\n", "\r", "\r\n", "\t", ":", "\"", "å", "💸", "\u0007");
    const unit = fc.oneof(special, fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 200 }), (title) => {
        const ics = instalmentsIcs({ ...base, title });
        for (const line of ics.slice(0, -2).split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
        const calendar = parse(ics);
        const expected = title.replace(/\r\n|\r/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
        expect(unescapeText(prop(calendar, "X-WR-CALNAME")!.value)).toBe(expected);
        expect(calendar.children).toHaveLength(base.instalments.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe("folding", () => {
  it("leaves a line of 75 octets alone and folds one of 76", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
    // Continuation lines hold 74 octets after their space.
    expect(foldLine("x".repeat(75 + 74 + 1)).split("\r\n").map(octets)).toEqual([75, 75, 2]);
  });

  it("never splits a character of several octets", () => {
    // "å" is two octets, "💸" four: 74 + "å" would be 76.
    expect(foldLine(`${"x".repeat(74)}å`)).toBe(`${"x".repeat(74)}\r\n å`);
    expect(foldLine(`${"x".repeat(72)}💸`)).toBe(`${"x".repeat(72)}\r\n 💸`);
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (value) => {
        const line = `SUMMARY:${value.replace(/[\r\n]/g, "")}`;
        const folded = foldLine(line);
        const physical = folded.split("\r\n");
        for (const [k, part] of physical.entries()) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          if (k > 0) expect(part.startsWith(" ")).toBe(true);
          // No half of a surrogate pair at either end of a physical line.
          expect(part).not.toMatch(/^ ?[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
        }
        expect(unfold(folded)).toBe(line);
      }),
      { numRuns: 300 },
    );
  });
});

describe("what the calendar refuses", () => {
  function code(input: IcsInput): string {
    try {
      instalmentsIcs(input);
    } catch (error) {
      if (error instanceof DomainError) return error.code;
      throw error;
    }
    return "accepted";
  }

  it("values that could start a line of their own, and impossible dates", () => {
    expect(code({ ...base, planId: "p1\r\nATTENDEE:x" })).toBe("invalid_plan_id");
    expect(code({ ...base, url: "https://kvitt.example/plans/1\r\nX:1" })).toBe("invalid_url");
    expect(code({ ...base, url: "javascript:alert(1)" })).toBe("invalid_url");
    expect(code({ ...base, dtstamp: new Date("nope") })).toBe("invalid_date");
    expect(code({ ...base, instalments: [{ seq: 1, dueDate: "2027-02-29", amountOre: 1 }] })).toBe("invalid_date");
    expect(code({ ...base, instalments: [{ seq: 0, dueDate: "2027-02-28", amountOre: 1 }] })).toBe("invalid_instalment");
  });
});
