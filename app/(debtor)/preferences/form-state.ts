import { parseSwedishPhone } from "@/server/domain/phone";

/** What a refused phone or e-mail form said and why, for one page view (the page has no script to hold it). */
export const CONTACT_FORM_COOKIE = "kvitt_contact_form";

export interface ContactFormState {
  channel: "sms" | "email";
  value: string;
  error: string;
}

/** The choices of the preferences form go back in the address when refused (choices only, no personal data). */
export const POSITIONS = ["first", "second", "third"] as const;

/** A number as people write it (070-123 45 67); an e-mail address as it is. */
export function contactAddress(channel: "sms" | "email", address: string): string {
  if (channel !== "sms") return address;
  const parsed = parseSwedishPhone(address);
  return parsed.ok ? parsed.phone.display : address;
}
