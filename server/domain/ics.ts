import type { IsoDate } from "./calendar";
import { formatMoney, type Ore } from "./money";

export interface IcsInput {
  planId: string;
  title: string;
  instalments: { seq: number; dueDate: IsoDate; amountOre: Ore; ocrReference?: string }[];
  locale: "sv" | "en";
  url: string;
  dtstamp: Date;
}

/** RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line at 75 octets (UTF-8), continuation lines starting with one space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const length = Buffer.byteLength(char, "utf8");
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

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const day = (d: IsoDate) => d.replace(/-/g, "");

/**
 * The plan's payment dates as a calendar (all-day events, a reminder the day before), so the
 * dates sit in the person's own calendar. CRLF line endings and folded lines, as RFC 5545 asks.
 */
export function instalmentsIcs(input: IcsInput): string {
  const pay = input.locale === "sv" ? "Betala" : "Pay";
  const reference = input.locale === "sv" ? "OCR-nummer" : "OCR number";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Kvitt//Avbetalningsplan//SV",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.title)}`,
    ...input.instalments.flatMap((i) => {
      const next = new Date(`${i.dueDate}T00:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      const summary = `${pay} ${formatMoney(i.amountOre, input.locale)} – ${input.title}`;
      const description = [summary, i.ocrReference ? `${reference}: ${i.ocrReference}` : "", input.url].filter(Boolean).join("\n");
      return [
        "BEGIN:VEVENT",
        `UID:${input.planId}-${i.seq}@kvitt`,
        `DTSTAMP:${stamp(input.dtstamp)}`,
        `DTSTART;VALUE=DATE:${day(i.dueDate)}`,
        `DTEND;VALUE=DATE:${day(next.toISOString().slice(0, 10))}`,
        `SUMMARY:${escapeText(summary)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `URL:${input.url}`,
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-P1D",
        `DESCRIPTION:${escapeText(summary)}`,
        "END:VALARM",
        "END:VEVENT",
      ];
    }),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
