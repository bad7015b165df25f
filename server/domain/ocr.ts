import { DomainError } from "./errors";

/** Luhn (modulus 10) check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  if (!/^\d+$/.test(digits)) throw new DomainError("invalid_digits");
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function luhnValid(digits: string): boolean {
  return luhnCheckDigit(digits.slice(0, -1)) === Number(digits.at(-1));
}

/**
 * A Bankgiro OCR reference: the base digits, optionally a length digit (total length mod 10),
 * then a Luhn check digit over everything before it. 2–25 digits in all.
 */
export function makeOcr(base: string, opts: { withLength?: boolean } = {}): string {
  if (!/^\d+$/.test(base)) throw new DomainError("invalid_ocr", "OCR base must be one or more digits", { base });
  let body = base;
  if (opts.withLength) body += String((base.length + 2) % 10);
  const ref = body + String(luhnCheckDigit(body));
  if (ref.length < 2 || ref.length > 25) throw new DomainError("invalid_ocr", "OCR reference must be 2–25 digits");
  return ref;
}

export function isValidOcr(ref: string, opts: { withLength?: boolean } = {}): boolean {
  const s = ref.replace(/\s/g, "");
  if (!/^\d{2,25}$/.test(s)) return false;
  if (!luhnValid(s)) return false;
  if (opts.withLength && Number(s.at(-2)) !== s.length % 10) return false;
  return true;
}
