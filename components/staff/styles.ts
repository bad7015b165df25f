/** Shared classes of the staff pages' controls (44 px targets, visible focus from the base styles). */
export const button = "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 font-semibold text-on-brand";
export const secondaryButton = "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-700";
export const input = "block min-h-11 w-full rounded-md border-2 border-ink bg-paper px-2";
export const label = "block font-medium";
export const textLink = "text-brand-700 underline underline-offset-4";
export const card = "space-y-3 rounded-xl border border-line p-4";
