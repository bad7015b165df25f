/** What a refused phone or e-mail form said and why, for one page view (the page has no script to hold it). */
export const CONTACT_FORM_COOKIE = "kvitt_contact_form";

export interface ContactFormState {
  channel: "sms" | "email";
  value: string;
  error: string;
}

/** The choices of the preferences form go back in the address when refused (choices only, no personal data). */
export const POSITIONS = ["first", "second", "third"] as const;
