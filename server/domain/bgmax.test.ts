// The code under test does no I/O; the test reads Bankgirot's own example file from the product docs.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBgMax, writeBgMax, formatBankgiro, type BgMaxFile, type BgMaxPayment } from "./bgmax";
import { DomainError } from "./errors";

const SAMPLE_PATH = path.resolve(import.meta.dirname, "fixtures/bgmax_sample_ocr.txt");
const sample = new Uint8Array(readFileSync(SAMPLE_PATH));

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function sampleText(): string {
  return String.fromCharCode(...sample);
}

/** The sample's lines (CRLF split), to edit one and put the file back together. */
function edit(change: (lines: string[]) => void): Uint8Array {
  const lines = sampleText().split("\r\n");
  change(lines);
  return latin1(lines.join("\r\n"));
}

function refusal(bytes: Uint8Array): DomainError {
  try {
    parseBgMax(bytes);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

function expectRefused(bytes: Uint8Array, code: string, line: number, reason: string) {
  const error = refusal(bytes);
  expect({ code: error.code, line: error.details?.line, reason: error.details?.reason }).toEqual({ code, line, reason });
}

const kalle = { name: "Kalles Plåt AB", address: "Storgatan 2", postcode: "12345", city: "Storåker", orgNo: "005500001234" };
const berit = { name: "Berits Garn", address: "Storgatan 10", postcode: "12345", city: "Storåker", orgNo: "005500002222" };

describe("parseBgMax: Bankgirot's sample file", () => {
  const file = parseBgMax(sample);

  it("reads the start record", () => {
    expect(file.timestamp).toBe("2004-05-25T17:30:35.010331");
    expect(file.test).toBe(false);
    expect(file.version).toBe(1);
    expect(file.sections).toHaveLength(2);
  });

  it("reads the first section: a payment, a deduction and a payment with extra references", () => {
    const [first] = file.sections;
    expect(first).toEqual({
      payeeBankgiro: "9912346",
      currency: "SEK",
      deposit: { date: "2004-05-25", serial: "00074", amountOre: 190000, count: 3, account: "5841000001009823" },
      payments: [
        { kind: "payment", senderBankgiro: "3783511", reference: "655969", referenceCode: 2, amountOre: 100000, channel: 2, serial: "000000000010", extraReferences: [], freeText: [], ...kalle },
        { kind: "deduction", senderBankgiro: "3783511", reference: "89853", referenceCode: 3, amountOre: 50000, channel: 2, serial: "000230000111", extraReferences: [], freeText: [], ...kalle },
        {
          kind: "payment",
          senderBankgiro: "3783511",
          reference: "657866 658765 657767",
          referenceCode: 3,
          amountOre: 140000,
          channel: 2,
          serial: "000000000014",
          // The last 22 record is short and has two tabs in its reference field.
          extraReferences: ["657866", "658765", "657767", "657965"],
          freeText: ["Betalning med extra refnr 657965"],
          ...kalle,
        },
      ],
    } satisfies (typeof file.sections)[number]);
  });

  it("reads the second section: OCR, no reference, paper form with image", () => {
    const second = file.sections[1]!;
    expect(second.deposit).toEqual({ date: "2004-05-25", serial: "00075", amountOre: 800000, count: 4, account: "5841000001009823" });
    const brief = second.payments.map((p) => [p.kind, p.senderBankgiro, p.reference, p.referenceCode, p.amountOre, p.channel, p.serial, p.name]);
    expect(brief).toEqual([
      ["payment", "9701233", "650861", 2, 110000, 1, "000000000012", "Olles färg AB"],
      ["payment", "1234567", "", 1, 120000, 3, "000000000013", "Berits Garn"],
      ["payment", "1234567", "659763", 2, 70000, 3, "000000000016", "Berits Garn"],
      ["payment", "3783511", "658260", 2, 500000, 2, "000000000016", "Kalles Plåt AB"],
    ]);
    expect(second.payments[0]).toMatchObject({ address: "Lillagatan 3", postcode: "12345", city: "Storåker", orgNo: "005500004322" });
    expect(second.payments[1]).toMatchObject(berit);
    expect(second.payments[3]!.extraReferences).toEqual(["658369", "658468"]);
    expect(second.payments[3]!.freeText).toEqual(["Faktura 658369", "Faktura 658468"]);
  });

  it("deposits add up: payments less deductions", () => {
    for (const s of file.sections) {
      const sum = s.payments.reduce((a, p) => a + (p.kind === "payment" ? p.amountOre : -p.amountOre), 0);
      expect(sum).toBe(s.deposit.amountOre);
    }
  });

  it("reads the same file with LF endings, trailing spaces stripped, a final newline and a DOS end mark", () => {
    const text = sampleText().split("\r\n").map((l) => l.replace(/ +$/, "")).join("\n") + "\n\x1a";
    expect(parseBgMax(latin1(text))).toEqual(file);
  });

  it("formats bankgiro numbers", () => {
    expect(formatBankgiro("0009912346")).toBe("991-2346");
    expect(formatBankgiro("50501055")).toBe("5050-1055");
  });
});

describe("parseBgMax refuses", () => {
  it("a UTF-8 byte order mark", () => {
    expectRefused(new Uint8Array([0xef, 0xbb, 0xbf, ...sample]), "bgmax_encoding", 1, "utf8_bom");
  });

  it("a file re-saved as UTF-8 (å as C3 A5), naming the first line with one", () => {
    const utf8 = new TextEncoder().encode(sampleText());
    expectRefused(utf8, "bgmax_encoding", 4, "utf8_sequence");
  });

  it("NUL bytes", () => {
    const bytes = edit((l) => (l[9] = l[9]!.slice(0, 10) + "\0" + l[9]!.slice(11)));
    expectRefused(bytes, "bgmax_encoding", 10, "nul_byte");
  });

  it("a UTF-16 file", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(sample).flatMap((b) => [b, 0])]);
    expectRefused(utf16, "bgmax_encoding", 1, "utf16_bom");
  });

  it("a deposit whose amount is not the payments less deductions", () => {
    const bytes = edit((l) => (l[22] = l[22]!.replace("000000000000190000SEK", "000000000000240000SEK")));
    expectRefused(bytes, "bgmax_invalid", 23, "deposit_sum_mismatch");
  });

  it("a payment amount changed so the deposit no longer adds up", () => {
    const bytes = edit((l) => (l[24] = l[24]!.replace("000000000000110000", "000000000000110001")));
    expectRefused(bytes, "bgmax_invalid", 49, "deposit_sum_mismatch");
  });

  it("a deposit whose payment count is wrong", () => {
    const bytes = edit((l) => (l[48] = l[48]!.replace("SEK00000004", "SEK00000005")));
    expectRefused(bytes, "bgmax_invalid", 49, "deposit_count_mismatch");
  });

  it("an end record whose counts are wrong", () => {
    expectRefused(edit((l) => (l[49] = "7000000007000000010000000600000002")), "bgmax_invalid", 50, "end_count_mismatch");
    expectRefused(edit((l) => (l[49] = "7000000006000000010000000500000002")), "bgmax_invalid", 50, "end_count_mismatch");
    expectRefused(edit((l) => (l[49] = "7000000006000000010000000600000003")), "bgmax_invalid", 50, "end_count_mismatch");
  });

  it("a removed extra reference (the end record no longer matches)", () => {
    expectRefused(edit((l) => l.splice(13, 1)), "bgmax_invalid", 49, "end_count_mismatch");
  });

  it("a file cut off inside a section", () => {
    expectRefused(edit((l) => l.splice(30)), "bgmax_invalid", 30, "missing_deposit");
  });

  it("a file cut off after a deposit", () => {
    expectRefused(edit((l) => l.splice(49)), "bgmax_invalid", 49, "missing_end");
  });

  it("a file that does not start with 01", () => {
    expectRefused(edit((l) => l.shift()), "bgmax_invalid", 1, "first_record_not_01");
  });

  it("records after the end record", () => {
    expectRefused(edit((l) => l.push("050009912346          SEK")), "bgmax_invalid", 51, "data_after_end");
  });

  it("a payment outside a section", () => {
    expectRefused(edit((l) => l.splice(1, 1)), "bgmax_invalid", 2, "unexpected_record");
  });

  it("a second section opened before the first is closed", () => {
    expectRefused(edit((l) => l.splice(22, 1)), "bgmax_invalid", 23, "unexpected_record");
  });

  it("an unknown record type", () => {
    expectRefused(edit((l) => (l[5] = "99Storåker")), "bgmax_invalid", 6, "unknown_record_type");
  });

  it("a name record before any payment", () => {
    expectRefused(edit((l) => l.splice(2, 0, "26Kalles Plåt AB")), "bgmax_invalid", 3, "unexpected_record");
  });

  it("letters in an amount", () => {
    expectRefused(edit((l) => (l[2] = l[2]!.replace("000000000000100000", "00000000000010000O"))), "bgmax_invalid", 3, "bad_field");
  });

  it("a short line that lost its amount", () => {
    expectRefused(edit((l) => (l[2] = l[2]!.slice(0, 45))), "bgmax_invalid", 3, "bad_field");
  });

  it("a deposit in another currency than its section", () => {
    expectRefused(edit((l) => (l[22] = l[22]!.replace("SEK", "EUR"))), "bgmax_invalid", 23, "currency_mismatch");
  });

  it("an impossible payment date", () => {
    expectRefused(edit((l) => (l[22] = l[22]!.replace("20040525", "20040231"))), "bgmax_invalid", 23, "bad_field");
  });

  it("a record longer than 80 characters", () => {
    expectRefused(edit((l) => (l[1] = l[1]! + "X")), "bgmax_invalid", 2, "line_too_long");
  });

  it("an empty file", () => {
    expectRefused(new Uint8Array(), "bgmax_invalid", 1, "empty_file");
  });
});

describe("writeBgMax", () => {
  it("writes the sample back to a file that reads the same", () => {
    const file = parseBgMax(sample);
    const written = writeBgMax(file);
    expect(parseBgMax(written)).toEqual(file);
    const lines = String.fromCharCode(...written).split("\r\n");
    expect(lines.pop()).toBe("");
    expect(lines.every((l) => l.length === 80)).toBe(true);
    // Records that carry no information lost on reading come out byte for byte.
    const original = sampleText().split("\r\n").map((l) => l.replace(/\t/g, " ").padEnd(80, " "));
    expect(lines[0]).toBe(original[0]);
    expect(lines[2]).toBe(original[2]);
    expect(lines[lines.length - 2]).toBe(original[original.length - 2]);
  });

  it("refuses a deposit that does not add up and text Latin-1 cannot hold", () => {
    const file = parseBgMax(sample);
    const wrong = structuredClone(file);
    wrong.sections[0]!.deposit.amountOre += 1;
    expect(() => writeBgMax(wrong)).toThrow(DomainError);
    const emoji = structuredClone(file);
    emoji.sections[0]!.payments[0]!.name = "Kalle 🙂";
    expect(() => writeBgMax(emoji)).toThrow(/Latin-1/);
  });

  const text = (max: number) =>
    fc
      .string({ unit: fc.constantFrom(..."abcåäöÅÄÖ ABZ019-.,é"), minLength: 1, maxLength: max })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[1-9]\\d{${min - 1},${max - 1}}$`));
  const payment: fc.Arbitrary<BgMaxPayment> = fc.record(
    {
      kind: fc.constantFrom("payment" as const, "deduction" as const),
      senderBankgiro: fc.oneof(fc.constant(""), digits(7, 8)),
      reference: fc.oneof(fc.constant(""), digits(2, 25), text(25)),
      referenceCode: fc.integer({ min: 0, max: 5 }),
      amountOre: fc.integer({ min: 0, max: 10_000_000_00 }),
      channel: fc.integer({ min: 1, max: 4 }),
      serial: fc.stringMatching(/^\d{12}$/),
      extraReferences: fc.array(digits(2, 25), { maxLength: 3 }),
      freeText: fc.array(text(50), { maxLength: 2 }),
      name: text(35),
      address: text(35),
      postcode: fc.stringMatching(/^\d{5}$/),
      city: text(35),
      orgNo: fc.stringMatching(/^\d{12}$/),
    },
    { requiredKeys: ["kind", "senderBankgiro", "reference", "referenceCode", "amountOre", "channel", "serial", "extraReferences", "freeText"] },
  );
  const file: fc.Arbitrary<BgMaxFile> = fc
    .record({
      timestamp: fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 23) + "123"),
      test: fc.boolean(),
      sections: fc.array(
        fc.record({
          payeeBankgiro: digits(7, 8),
          currency: fc.constantFrom("SEK", "EUR"),
          payments: fc.array(payment, { maxLength: 6 }),
          date: fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          serial: fc.stringMatching(/^\d{5}$/),
          account: fc.oneof(fc.constant(""), digits(5, 20)),
        }),
        { maxLength: 4 },
      ),
    })
    .map(({ timestamp, test, sections }) => ({
      timestamp,
      test,
      version: 1,
      sections: sections.map(({ payments, date, serial, account, ...rest }) => {
        // A deduction larger than the payments before it cannot make the deposit negative.
        let sum = 0;
        const kept = payments.map((p) => {
          const q = p.kind === "deduction" && p.amountOre > sum ? { ...p, kind: "payment" as const } : p;
          sum += q.kind === "payment" ? q.amountOre : -q.amountOre;
          return q;
        });
        return { ...rest, payments: kept, deposit: { date, serial, amountOre: sum, count: kept.length, account } };
      }),
    }));

  it("round-trips any valid file", () => {
    fc.assert(
      fc.property(file, (f) => {
        expect(parseBgMax(writeBgMax(f))).toEqual(f);
      }),
      { numRuns: 200 },
    );
  });
});
