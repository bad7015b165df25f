/** What a refused callback form said and why, for one page view (the page has no script to hold it). */
export const CALLBACK_FORM_COOKIE = "kvitt_callback_form";

export interface CallbackFormState {
  values: { phone: string; day: string; startHour: string; topic: string; caseId: string };
  errors: Partial<Record<"phone" | "day" | "window" | "topic" | "form", string>>;
}
