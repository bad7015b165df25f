import Link from "next/link";
import { ErrorSummary } from "@/components/form/error-summary";
import type { Locale } from "@/i18n/config";

/** The frame of each "talk to us" page: back link, error summary, one heading. */
export function TalkFrame({ back, backLabel, heading, lead, errorTitle, errors = [], children }: {
  back: string;
  backLabel: string;
  heading: string;
  lead?: string;
  errorTitle?: string;
  errors?: { href: string; text: string }[];
  children: React.ReactNode;
}) {
  return (
    <article className="space-y-6">
      <nav>
        <Link href={back} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {backLabel}
        </Link>
      </nav>
      {errorTitle && <ErrorSummary title={errorTitle} errors={errors} />}
      <header className="space-y-2">
        <h1 className="text-3xl font-bold leading-tight">{heading}</h1>
        {lead && <p className="text-lg">{lead}</p>}
      </header>
      {children}
    </article>
  );
}

export const linkClass = "inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4";
export const primaryButton = "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand hover:bg-brand-800 sm:w-auto";
export const secondaryButton = "inline-flex min-h-12 w-full items-center justify-center rounded-lg border-2 border-brand-700 px-6 py-3 text-lg font-semibold text-brand-700 hover:bg-brand-50 sm:w-auto";
export const fieldClass = (invalid: boolean) => `mt-1 block min-h-12 w-full rounded-md border-2 px-3 py-2 text-lg ${invalid ? "border-error" : "border-ink"}`;
export const optionClass = "flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50";
export const radioClass = "mt-0.5 h-6 w-6 shrink-0 accent-brand-700";
export const noticeClass = "rounded-lg border-2 border-brand-700 bg-brand-50 p-4";

/** "fredag 4 december" / "Friday 4 December" (the year only when it is not this year's). */
export function dayWithWeekday(iso: string, locale: Locale, thisYear?: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  const withYear = thisYear !== undefined && date.getUTCFullYear() !== thisYear;
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { weekday: "long", day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" }).format(date);
}

/** A moment as a date in Stockholm: "2 december 2026". */
export function momentDate(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Stockholm" }).format(at);
}

/** A moment with its time in Stockholm: "2 december 2026 14:05". */
export function momentDateTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" }).format(at);
}

/** "10–12" as people write a window; two digits only when the hour has two. */
export const windowText = (startHour: number, endHour: number) => `${String(startHour).padStart(2, "0")}–${String(endHour).padStart(2, "0")}`;

/** File sizes as people read them: "240 kB", "3,4 MB". */
export function fileSize(bytes: number, locale: Locale): string {
  const n = new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${n.format(Math.max(1, Math.round(bytes / 1024)))} kB` : `${n.format(bytes / (1024 * 1024))} MB`;
}
