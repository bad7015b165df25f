import { DomainError } from "./errors";

/** A Swedish telephone number as the person wrote it, checked and in one shape for staff to dial. */
export interface SwedishPhone {
  /** +46701234567 */
  e164: string;
  /** 070-123 45 67 (mobiles), 08-123 456 78 style otherwise as 0 + the number */
  display: string;
  mobile: boolean;
}

export type PhoneProblem = "phone_required" | "phone_not_swedish" | "phone_invalid";

const MOBILE = /^7[02369]/;

/**
 * Reads a Swedish number written as people write them: 070-123 45 67, 0701234567, +46 70 123 45 67,
 * 0046 70…, +46 (0)70…, 08-123 456 78. Mobiles (07x) have 10 digits with the leading 0; other
 * numbers 8 to 10. A number from another country is refused with its own reason.
 */
export function parseSwedishPhone(input: string): { ok: true; phone: SwedishPhone } | { ok: false; problem: PhoneProblem } {
  const raw = input.trim();
  if (raw === "") return { ok: false, problem: "phone_required" };
  if (/[^\d\s+()./-]/.test(raw)) return { ok: false, problem: "phone_invalid" };
  let digits = raw.replace(/\(0\)/g, "").replace(/[\s()./-]/g, "");
  if (digits.indexOf("+") > 0 || (digits.match(/\+/g) ?? []).length > 1) return { ok: false, problem: "phone_invalid" };
  let national: string;
  if (digits.startsWith("+") || digits.startsWith("00")) {
    digits = digits.startsWith("+") ? digits.slice(1) : digits.slice(2);
    if (!digits.startsWith("46")) return { ok: false, problem: "phone_not_swedish" };
    national = digits.slice(2);
    if (national.startsWith("0")) national = national.slice(1);
  } else if (digits.startsWith("0")) {
    national = digits.slice(1);
  } else {
    return { ok: false, problem: "phone_invalid" };
  }
  if (!/^[1-9]\d+$/.test(national)) return { ok: false, problem: "phone_invalid" };
  const mobile = MOBILE.test(national);
  if (mobile ? national.length !== 9 : national.length < 7 || national.length > 9) return { ok: false, problem: "phone_invalid" };
  const display = mobile
    ? `0${national.slice(0, 2)}-${national.slice(2, 5)} ${national.slice(5, 7)} ${national.slice(7)}`
    : national.startsWith("8")
      ? `08-${national.slice(1).replace(/(\d{3})(\d{2,3})(\d{2})$/, "$1 $2 $3")}`
      : `0${national}`;
  return { ok: true, phone: { e164: `+46${national}`, display, mobile } };
}

/** As `parseSwedishPhone`, throwing the problem as a domain error. */
export function swedishPhone(input: string): SwedishPhone {
  const result = parseSwedishPhone(input);
  if (!result.ok) throw new DomainError(result.problem);
  return result.phone;
}
