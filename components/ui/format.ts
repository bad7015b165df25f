import { formatMoneyShort } from "@/server/domain/money";
import type { Locale } from "@/i18n/config";

export function money(ore: number, locale: Locale): string {
  return formatMoneyShort(ore, locale);
}

/** A plain date as people write it: "26 december 2026" / "26 December 2026". */
export function longDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export function monthYear(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export function percent(bp: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { style: "percent", minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(bp / 10000);
}
