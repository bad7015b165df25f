import type { IsoDate } from "./calendar";
import { DomainError } from "./errors";
import type { Ore } from "./money";

/**
 * BgMax: Bankgirot's file of incoming payments. 80-character fixed records in Latin-1, positions
 * 1-based. Reading is liberal about layout (short lines, trailing spaces, CRLF or LF, stray tabs)
 * and strict about structure and sums, because a file that does not add up must not move money.
 */

export type BgMaxPaymentKind = "payment" | "deduction";

export interface BgMaxPayment {
  /** `20` is a payment, `21` a deduction (a credit the payer takes off). */
  kind: BgMaxPaymentKind;
  /** Digits without leading zeros; "" when the sender has no bankgiro number. */
  senderBankgiro: string;
  /** Positions 13–37, trimmed: an OCR number (right-aligned) or free references (left-aligned). */
  reference: string;
  /** 0/1 no reference, 2 correct OCR, 3 one or more references, 4 one reference, 5 wrong reference. */
  referenceCode: number;
  amountOre: Ore;
  /** 1 internet bank, 2 Leverantörsbetalningar, 3 paper form, 4 Autogiro. */
  channel: number;
  /** Bankgirot's serial number, 12 digits as written in the file. */
  serial: string;
  /** From `22`/`23` records that follow the payment. */
  extraReferences: string[];
  name?: string;
  address?: string;
  postcode?: string;
  city?: string;
  orgNo?: string;
  /** From `25` records, trimmed. */
  freeText: string[];
}

export interface BgMaxDeposit {
  /** The payment date, Bankgirot's booking day. */
  date: IsoDate;
  /** Five digits as written in the file. */
  serial: string;
  amountOre: Ore;
  /** Number of `20` and `21` records in the section. */
  count: number;
  /** The payee's bank account the deposit went to, digits without leading zeros. */
  account: string;
}

export interface BgMaxSection {
  /** Digits without leading zeros, e.g. "9912346" for 991-2346. */
  payeeBankgiro: string;
  currency: string;
  deposit: BgMaxDeposit;
  payments: BgMaxPayment[];
}

export interface BgMaxFile {
  /** When Bankgirot wrote the file (Swedish local time): "YYYY-MM-DDTHH:MM:SS.ffffff". */
  timestamp: string;
  /** `T` in position 45: a test file that must not be booked. */
  test: boolean;
  version: number;
  sections: BgMaxSection[];
}

const RECORD_LENGTH = 80;
const TAB_STOP = 8;

type Fail = (line: number, reason: string, message: string) => never;

const invalid: Fail = (line, reason, message) => {
  throw new DomainError("bgmax_invalid", `Line ${line}: ${message}`, { line, reason });
};

const badEncoding: Fail = (line, reason, message) => {
  throw new DomainError("bgmax_encoding", `Line ${line}: ${message}`, { line, reason });
};

/**
 * Refuses bytes that cannot be a Latin-1 BgMax file: a UTF-8 byte order mark, NUL and other control
 * bytes, and well-formed UTF-8 multibyte sequences (a UTF-8 "å" is C3 A5, which Latin-1 would read
 * as "Ã¥" — a file someone re-saved in the wrong encoding).
 */
function checkEncoding(bytes: Uint8Array): void {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) badEncoding(1, "utf8_bom", "the file starts with a UTF-8 byte order mark");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) badEncoding(1, "utf16_bom", "the file starts with a UTF-16 byte order mark");
  if (bytes[0] === 0xff && bytes[1] === 0xfe) badEncoding(1, "utf16_bom", "the file starts with a UTF-16 byte order mark");
  let line = 1;
  // A DOS end-of-file mark (Ctrl-Z) is tolerated as the very last byte.
  const end = bytes[bytes.length - 1] === 0x1a ? bytes.length - 1 : bytes.length;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      continue;
    }
    if (b === 0x0d) {
      if (bytes[i + 1] !== 0x0a) line++;
      continue;
    }
    if (b === 0x00) badEncoding(line, "nul_byte", "the file contains a NUL byte");
    if (b === 0x09) continue;
    if (b < 0x20 || b === 0x7f || (b >= 0x80 && b < 0xa0)) {
      badEncoding(line, "control_byte", `the file contains the control byte 0x${b.toString(16).padStart(2, "0")}`);
    }
    if (b >= 0xc2 && b <= 0xf4) {
      const need = b < 0xe0 ? 1 : b < 0xf0 ? 2 : 3;
      let ok = i + need < end;
      for (let k = 1; ok && k <= need; k++) ok = bytes[i + k]! >= 0x80 && bytes[i + k]! <= 0xbf;
      if (ok) badEncoding(line, "utf8_sequence", "the file looks like UTF-8, not Latin-1");
    }
  }
}

/** Latin-1 maps each byte to the code point of the same value (TextDecoder's "latin1" is windows-1252). */
function decodeLatin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString("latin1");
}

/** Tabs become spaces up to the next multiple of 8 columns, as a terminal shows them. */
function expandTabs(raw: string): string {
  if (!raw.includes("\t")) return raw;
  let out = "";
  for (const ch of raw) {
    if (ch === "\t") out += " ".repeat(TAB_STOP - (out.length % TAB_STOP));
    else out += ch;
  }
  return out;
}

function splitLines(bytes: Uint8Array): string[] {
  const lines: string[] = [];
  let start = 0;
  const end = bytes[bytes.length - 1] === 0x1a ? bytes.length - 1 : bytes.length;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      lines.push(decodeLatin1(bytes, start, i));
      if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
      start = i + 1;
    }
  }
  if (start < end) lines.push(decodeLatin1(bytes, start, end));
  return lines;
}

/** One record, padded to 80 columns, with 1-based field access. */
class BgRecord {
  constructor(
    readonly line: number,
    readonly text: string,
  ) {}

  get type(): string {
    return this.text.slice(0, 2);
  }

  /** Positions `from`–`to`, 1-based and inclusive. */
  raw(from: number, to: number): string {
    return this.text.slice(from - 1, to);
  }

  str(from: number, to: number): string {
    return this.raw(from, to).trim();
  }

  digits(from: number, to: number, field: string): string {
    const v = this.raw(from, to);
    if (!/^\d+$/.test(v)) invalid(this.line, "bad_field", `${field} (positions ${from}–${to}) must be digits, not "${v}"`);
    return v;
  }

  number(from: number, to: number, field: string): number {
    const n = Number(this.digits(from, to, field));
    if (!Number.isSafeInteger(n)) invalid(this.line, "bad_field", `${field} is too large`);
    return n;
  }

  /** A number in a field that may be left blank. */
  optionalNumber(from: number, to: number, field: string): number {
    return this.raw(from, to).trim() === "" ? 0 : this.number(from, to, field);
  }

  date(from: number, to: number, field: string): IsoDate {
    const v = this.digits(from, to, field);
    const iso = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
    if (!isRealDate(iso)) invalid(this.line, "bad_field", `${field} "${v}" is not a date`);
    return iso;
  }
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function stripZeros(digits: string): string {
  return digits.replace(/^0+/, "");
}

/**
 * Reads a BgMax file. Throws `DomainError("bgmax_encoding")` for bytes that are not Latin-1 text
 * and `DomainError("bgmax_invalid")` for anything that breaks the structure or does not add up;
 * both carry `details.line` (1-based) and `details.reason`.
 */
export function parseBgMax(bytes: Uint8Array): BgMaxFile {
  checkEncoding(bytes);
  const rawLines = splitLines(bytes);
  const records: BgRecord[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const text = expandTabs(rawLines[i]!).replace(/ +$/, "");
    if (text === "") continue;
    if (text.length > RECORD_LENGTH) invalid(i + 1, "line_too_long", `the record is ${text.length} characters, longer than 80`);
    records.push(new BgRecord(i + 1, text.padEnd(RECORD_LENGTH, " ")));
  }
  const first = records[0];
  if (!first) invalid(1, "empty_file", "the file is empty");
  const lastLine = records[records.length - 1]!.line;

  if (first.type !== "01") invalid(first.line, "first_record_not_01", `the file must start with a 01 record, not ${first.type}`);
  if (first.str(3, 22) !== "BGMAX") invalid(first.line, "bad_field", "positions 3–22 must say BGMAX");
  const version = first.number(23, 24, "version");
  const ts = first.digits(25, 44, "timestamp");
  const timestamp = `${ts.slice(0, 4)}-${ts.slice(4, 6)}-${ts.slice(6, 8)}T${ts.slice(8, 10)}:${ts.slice(10, 12)}:${ts.slice(12, 14)}.${ts.slice(14, 20)}`;
  if (!isRealDate(timestamp.slice(0, 10)) || Number(ts.slice(8, 10)) > 23 || Number(ts.slice(10, 12)) > 59 || Number(ts.slice(12, 14)) > 59) {
    invalid(first.line, "bad_field", `timestamp "${ts}" is not a moment`);
  }
  const mark = first.raw(45, 45);
  if (mark !== "T" && mark !== "P") invalid(first.line, "bad_field", `position 45 must be T or P, not "${mark}"`);

  const sections: BgMaxSection[] = [];
  const totals = { payments: 0, deductions: 0, extraReferences: 0, deposits: 0 };
  let open: { section: Omit<BgMaxSection, "deposit">; line: number } | null = null;
  let current: BgMaxPayment | null = null;
  let ended = false;

  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    if (ended) invalid(rec.line, "data_after_end", "there are records after the 70 end record");
    const type = rec.type;
    switch (type) {
      case "05": {
        if (open) invalid(rec.line, "unexpected_record", `a new 05 section starts before the 05 section on line ${open.line} was closed by a 15`);
        const currency = rec.str(23, 25);
        if (!/^[A-Z]{3}$/.test(currency)) invalid(rec.line, "bad_field", `currency "${currency}" is not a currency code`);
        open = { section: { payeeBankgiro: stripZeros(rec.digits(3, 12, "payee bankgiro")), currency, payments: [] }, line: rec.line };
        current = null;
        break;
      }
      case "20":
      case "21": {
        if (!open) invalid(rec.line, "unexpected_record", `a ${type} record outside a 05…15 section`);
        const kind: BgMaxPaymentKind = type === "20" ? "payment" : "deduction";
        current = {
          kind,
          senderBankgiro: stripZeros(rec.digits(3, 12, "sender bankgiro")),
          reference: rec.str(13, 37),
          referenceCode: rec.number(56, 56, "reference code"),
          amountOre: rec.number(38, 55, "amount"),
          channel: rec.number(57, 57, "payment channel"),
          serial: rec.digits(58, 69, "serial number"),
          extraReferences: [],
          freeText: [],
        };
        const flag = rec.raw(70, 70);
        if (flag !== "0" && flag !== "1" && flag !== " ") invalid(rec.line, "bad_field", `image flag (position 70) must be 0 or 1, not "${flag}"`);
        open.section.payments.push(current);
        if (kind === "payment") totals.payments++;
        else totals.deductions++;
        break;
      }
      case "22":
      case "23": {
        const target = requirePayment(rec, open, current);
        rec.digits(3, 12, "sender bankgiro");
        rec.optionalNumber(38, 55, "amount");
        const ref = rec.str(13, 37);
        if (ref !== "") target.extraReferences.push(ref);
        totals.extraReferences++;
        break;
      }
      case "25": {
        const target = requirePayment(rec, open, current);
        const text = rec.str(3, 52);
        if (text !== "") target.freeText.push(text);
        break;
      }
      case "26": {
        const target = requirePayment(rec, open, current);
        const name = [rec.str(3, 37), rec.str(38, 72)].filter(Boolean).join(" ");
        if (name) target.name = name;
        break;
      }
      case "27": {
        const target = requirePayment(rec, open, current);
        const address = rec.str(3, 37);
        const postcode = rec.str(38, 46);
        if (address) target.address = address;
        if (postcode) target.postcode = postcode;
        break;
      }
      case "28": {
        const target = requirePayment(rec, open, current);
        const city = rec.str(3, 37);
        if (city) target.city = city;
        break;
      }
      case "29": {
        const target = requirePayment(rec, open, current);
        const orgNo = rec.str(3, 14);
        if (orgNo) target.orgNo = orgNo;
        break;
      }
      case "15": {
        if (!open) invalid(rec.line, "unexpected_record", "a 15 deposit record without an open 05 section");
        const currency = rec.str(69, 71);
        if (currency !== open.section.currency) {
          invalid(rec.line, "currency_mismatch", `the deposit is in "${currency}" but the section on line ${open.line} is in ${open.section.currency}`);
        }
        const deposit: BgMaxDeposit = {
          date: rec.date(38, 45, "payment date"),
          serial: rec.digits(46, 50, "deposit serial number"),
          amountOre: rec.number(51, 68, "deposit amount"),
          count: rec.number(72, 79, "number of payments"),
          account: stripZeros(rec.digits(3, 37, "payee account")),
        };
        const payments = open.section.payments;
        if (deposit.count !== payments.length) {
          invalid(rec.line, "deposit_count_mismatch", `the deposit says ${deposit.count} payments but the section has ${payments.length}`);
        }
        const sum = payments.reduce((s, p) => s + (p.kind === "payment" ? p.amountOre : -p.amountOre), 0);
        if (deposit.amountOre !== sum) {
          invalid(rec.line, "deposit_sum_mismatch", `the deposit says ${deposit.amountOre} öre but payments less deductions are ${sum} öre`);
        }
        sections.push({ ...open.section, deposit });
        totals.deposits++;
        open = null;
        current = null;
        break;
      }
      case "70": {
        if (open) invalid(rec.line, "missing_deposit", `the 05 section on line ${open.line} is not closed by a 15 deposit record`);
        const counts: [keyof typeof totals, number, number, string][] = [
          ["payments", 3, 10, "payment records"],
          ["deductions", 11, 18, "deduction records"],
          ["extraReferences", 19, 26, "extra reference records"],
          ["deposits", 27, 34, "deposit records"],
        ];
        for (const [key, from, to, label] of counts) {
          const stated = rec.number(from, to, `number of ${label}`);
          if (stated !== totals[key]) invalid(rec.line, "end_count_mismatch", `the end record says ${stated} ${label} but the file has ${totals[key]}`);
        }
        ended = true;
        break;
      }
      case "01":
        invalid(rec.line, "unexpected_record", "a second 01 start record");
        break;
      default:
        invalid(rec.line, "unknown_record_type", `unknown record type "${type}"`);
    }
  }
  if (!ended) {
    if (open) invalid(lastLine, "missing_deposit", `the file ends inside the 05 section on line ${open.line} (no 15 deposit, no 70 end)`);
    invalid(lastLine, "missing_end", "the file ends without a 70 end record");
  }
  return { timestamp, test: mark === "T", version, sections };
}

function requirePayment(rec: BgRecord, open: unknown, current: BgMaxPayment | null): BgMaxPayment {
  if (!open || !current) invalid(rec.line, "unexpected_record", `a ${rec.type} record that does not follow a 20 or 21 payment`);
  return current;
}

// ---------------------------------------------------------------------------------------------
// Writing

function fieldError(field: string, message: string): never {
  throw new DomainError("bgmax_invalid", `${field}: ${message}`, { field, reason: "unwritable" });
}

function num(value: number, width: number, field: string): string {
  if (!Number.isSafeInteger(value) || value < 0) fieldError(field, "must be a whole non-negative number");
  const s = String(value);
  if (s.length > width) fieldError(field, `does not fit in ${width} digits`);
  return s.padStart(width, "0");
}

function digitsField(value: string, width: number, field: string): string {
  if (!/^\d*$/.test(value)) fieldError(field, "must be digits");
  if (value.length > width) fieldError(field, `does not fit in ${width} digits`);
  return value.padStart(width, "0");
}

function textField(value: string, width: number, field: string, align: "left" | "right" = "left"): string {
  if (value.length > width) fieldError(field, `is longer than ${width} characters`);
  if (/[^\u0020-\u007e\u00a0-\u00ff]/.test(value)) fieldError(field, "has characters Latin-1 cannot hold");
  return align === "left" ? value.padEnd(width, " ") : value.padStart(width, " ");
}

function record(type: string, ...parts: string[]): string {
  return (type + parts.join("")).padEnd(RECORD_LENGTH, " ");
}

/**
 * Writes a BgMax file (Latin-1, CRLF, 80-column records) that `parseBgMax` reads back to the same
 * value. Deposit amounts and counts are checked, not computed, so a caller cannot write a file
 * that a bank would never send.
 */
export function writeBgMax(file: BgMaxFile): Uint8Array {
  const ts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{6})$/.exec(file.timestamp);
  if (!ts) fieldError("timestamp", "must be YYYY-MM-DDTHH:MM:SS.ffffff");
  const lines: string[] = [record("01", "BGMAX".padEnd(20, " "), num(file.version, 2, "version"), ts.slice(1).join(""), file.test ? "T" : "P")];
  const totals = { payments: 0, deductions: 0, extraReferences: 0 };
  for (const [s, section] of file.sections.entries()) {
    const where = `sections[${s}]`;
    lines.push(record("05", digitsField(section.payeeBankgiro, 10, `${where}.payeeBankgiro`), " ".repeat(10), textField(section.currency, 3, `${where}.currency`)));
    let sum = 0;
    for (const [i, p] of section.payments.entries()) {
      const at = `${where}.payments[${i}]`;
      const type = p.kind === "payment" ? "20" : "21";
      const sender = digitsField(p.senderBankgiro, 10, `${at}.senderBankgiro`);
      // OCR numbers are right-aligned; other references start at position 13.
      const align = p.referenceCode === 2 ? "right" : "left";
      const tail = num(p.referenceCode, 1, `${at}.referenceCode`) + num(p.channel, 1, `${at}.channel`) + digitsField(p.serial, 12, `${at}.serial`) + "0";
      lines.push(record(type, sender, textField(p.reference, 25, `${at}.reference`, align), num(p.amountOre, 18, `${at}.amountOre`), tail, p.kind === "deduction" ? "0" : ""));
      for (const [k, ref] of p.extraReferences.entries()) {
        lines.push(record("22", sender, textField(ref, 25, `${at}.extraReferences[${k}]`, "right"), "0".repeat(18), "2", num(p.channel, 1, `${at}.channel`), digitsField(p.serial, 12, `${at}.serial`), "0"));
        totals.extraReferences++;
      }
      for (const [k, text] of p.freeText.entries()) lines.push(record("25", textField(text, 50, `${at}.freeText[${k}]`)));
      if (p.name !== undefined) lines.push(record("26", textField(p.name, 35, `${at}.name`)));
      if (p.address !== undefined || p.postcode !== undefined) {
        lines.push(record("27", textField(p.address ?? "", 35, `${at}.address`), textField(p.postcode ?? "", 9, `${at}.postcode`)));
      }
      if (p.city !== undefined) lines.push(record("28", textField(p.city, 35, `${at}.city`)));
      if (p.orgNo !== undefined) lines.push(record("29", textField(p.orgNo, 12, `${at}.orgNo`)));
      sum += p.kind === "payment" ? p.amountOre : -p.amountOre;
      if (p.kind === "payment") totals.payments++;
      else totals.deductions++;
    }
    const d = section.deposit;
    if (d.amountOre !== sum) fieldError(`${where}.deposit.amountOre`, `is ${d.amountOre} but payments less deductions are ${sum}`);
    if (d.count !== section.payments.length) fieldError(`${where}.deposit.count`, `is ${d.count} but there are ${section.payments.length} payments`);
    if (!isRealDate(d.date)) fieldError(`${where}.deposit.date`, "is not a date");
    lines.push(
      record(
        "15",
        digitsField(d.account, 35, `${where}.deposit.account`),
        d.date.replaceAll("-", ""),
        digitsField(d.serial, 5, `${where}.deposit.serial`),
        num(d.amountOre, 18, `${where}.deposit.amountOre`),
        textField(section.currency, 3, `${where}.currency`),
        num(d.count, 8, `${where}.deposit.count`),
      ),
    );
  }
  lines.push(record("70", num(totals.payments, 8, "payments"), num(totals.deductions, 8, "deductions"), num(totals.extraReferences, 8, "extra references"), num(file.sections.length, 8, "deposits")));

  const out = new Uint8Array(lines.length * (RECORD_LENGTH + 2));
  let o = 0;
  for (const line of lines) {
    for (let i = 0; i < line.length; i++) out[o++] = line.charCodeAt(i);
    out[o++] = 0x0d;
    out[o++] = 0x0a;
  }
  return out;
}

/** "9912346" → "991-2346", "50501055" → "5050-1055". */
export function formatBankgiro(digits: string): string {
  const d = stripZeros(digits);
  return d.length < 5 ? d : `${d.slice(0, -4)}-${d.slice(-4)}`;
}
