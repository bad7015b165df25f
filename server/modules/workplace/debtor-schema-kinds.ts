/** The kinds of event on a person's timeline (the filter on the debtor screen). */
export const TIMELINE_KINDS = ["letter", "link", "sign_in", "payment", "plan", "message", "callback", "dispute", "note", "decision", "hold", "promise"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
