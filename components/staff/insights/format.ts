import type { Locale } from "@/i18n/config";

/** A share as a whole percentage in the page's language: "61 %" / "61%". */
export function pct(v: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { style: "percent", maximumFractionDigits: 0 }).format(v);
}

/** A count with the language's grouping: "1 394" / "1,394". */
export function count(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB").format(n);
}

/** A number with one decimal and a sign: "+12,3" / "−4.0". */
export function signed(v: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: "exceptZero" }).format(v);
}

export function decimal(v: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(v);
}
