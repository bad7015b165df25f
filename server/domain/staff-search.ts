import type { IsoDate } from "./calendar";
import { parsePersonnummer } from "./personnummer";

/** What a search box's words may be; one query can be several at once ("4201" is a number of many kinds). */
export interface SearchTerms {
  /** Twelve digits, when the words are a valid personal number in any usual form. */
  personalNumber?: string;
  /** An OCR number, a case number or an invoice number, as typed (upper case). */
  reference?: string;
  email?: string;
  /** Phone numbers as stored (+46…), in the forms the words could mean. */
  phones?: string[];
  /** Lower-case name parts, matched from the start of a given name and a surname. */
  names?: string[];
}

/** Reads one search box: a personal number, a reference, an e-mail address, a phone number or a name. */
export function parseSearch(input: string, today: IsoDate): SearchTerms {
  const q = input.trim().replace(/\s+/g, " ");
  const terms: SearchTerms = {};
  if (!q) return terms;
  const pnr = parsePersonnummer(q, today);
  if (pnr.ok) terms.personalNumber = pnr.value.canonical;
  if (q.includes("@")) {
    terms.email = q.toLowerCase();
    return terms;
  }
  const compact = q.replace(/[\s-]/g, "");
  if (/^[A-Za-z0-9-]{3,40}$/.test(q.replace(/\s/g, "")) && /\d/.test(q)) terms.reference = q.replace(/\s/g, "").toUpperCase();
  const phone = /^(?:\+46|0046|0)(\d{6,12})$/.exec(compact);
  if (phone) terms.phones = [`+46${phone[1]}`, compact];
  if (/^[\p{L}][\p{L}' .-]*$/u.test(q)) terms.names = q.toLowerCase().split(/[ ]+/).filter((w) => w.length > 0).slice(0, 3);
  return terms;
}
