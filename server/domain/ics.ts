import { addDays, isIsoDate, type IsoDate } from "./calendar";
import { DomainError } from "./errors";
import { formatMoney, type Ore } from "./money";

export interface IcsInput {
  /** Names the events: UID `<planId>-<seq>@kvitt`, so a new download updates the same events. */
  planId: string;
  title: string;
  instalments: { seq: number; dueDate: IsoDate; amountOre: Ore; ocrReference?: string }[];
  locale: "sv" | "en";
  /** Where the plan is shown; no personal data in it. */
  url: string;
  /** DTSTAMP: when the file is made (the caller passes the clock). */
  dtstamp: Date;
}

const encoder = new TextEncoder();
const octets = (text: string) => encoder.encode(text).length;

/**
 * RFC 5545 TEXT (3.3.11): backslash, semicolon and comma escaped, every line break written as
 * "\n"; other control characters, which TEXT may not hold, are dropped.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
}

/**
 * Folds a content line so no line is longer than 75 octets of UTF-8 (RFC 5545 3.1); each
 * continuation starts with one space, which counts. Splits only between code points, never inside
 * a multi-octet character.
 */
export function foldLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const length = octets(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (size + length > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += length;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** UTC date-time form 4 (RFC 5545 3.3.5): 20261124T100000Z. */
const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const day = (d: IsoDate) => d.replace(/-/g, "");

const WORDS = {
  sv: { pay: "Betala", reference: "OCR-nummer", reminder: "Påminnelse: betala i morgon" },
  en: { pay: "Pay", reference: "OCR number", reminder: "Reminder: pay tomorrow" },
} as const;

function validate(input: IcsInput): void {
  // Values written as they are (UID, URL) must not be able to start a line of their own.
  if (!/^[A-Za-z0-9._-]+$/.test(input.planId)) throw new DomainError("invalid_plan_id", "a plan id is letters, digits, dot, dash or underscore", { planId: input.planId });
  if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/.test(input.url)) throw new DomainError("invalid_url", "an http(s) address without spaces or control characters");
  if (Number.isNaN(input.dtstamp.getTime())) throw new DomainError("invalid_date", "dtstamp is not a valid moment");
  for (const i of input.instalments) {
    if (!Number.isSafeInteger(i.seq) || i.seq < 1) throw new DomainError("invalid_instalment", "seq is a whole number ≥ 1", { seq: i.seq });
    if (!isIsoDate(i.dueDate)) throw new DomainError("invalid_date", "dueDate must be a real date YYYY-MM-DD", { dueDate: i.dueDate });
  }
}

/**
 * The plan's payment dates as a calendar file (RFC 5545), so they sit in the person's own
 * calendar: one all-day event per instalment (DTSTART;VALUE=DATE, DTEND the day after), a stable
 * UID per instalment, the amount and OCR number in the text, and a reminder at 09:00 the day
 * before (TRIGGER -PT15H from the start of the day). CRLF line endings and folded lines.
 */
export function instalmentsIcs(input: IcsInput): string {
  validate(input);
  const w = WORDS[input.locale];
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Kvitt//${input.locale === "sv" ? "Avbetalningsplan//SV" : "Instalment plan//EN"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.title)}`,
    ...input.instalments.flatMap((i) => {
      const summary = `${w.pay} ${formatMoney(i.amountOre, input.locale)} – ${input.title}`;
      const description = [summary, i.ocrReference ? `${w.reference}: ${i.ocrReference}` : "", input.url].filter(Boolean).join("\n");
      return [
        "BEGIN:VEVENT",
        `UID:${input.planId}-${i.seq}@kvitt`,
        `DTSTAMP:${stamp(input.dtstamp)}`,
        `DTSTART;VALUE=DATE:${day(i.dueDate)}`,
        `DTEND;VALUE=DATE:${day(addDays(i.dueDate, 1))}`,
        `SUMMARY:${escapeText(summary)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `URL:${input.url}`,
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-PT15H",
        `DESCRIPTION:${escapeText(`${w.reminder}: ${summary}`)}`,
        "END:VALARM",
        "END:VEVENT",
      ];
    }),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
