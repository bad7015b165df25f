import { DomainError } from "./errors";

/** Money is a whole number of öre (1 kr = 100 öre), always a safe integer. */
export type Ore = number;

function assertOre(value: number, name = "amount"): void {
  if (!Number.isSafeInteger(value)) throw new DomainError("invalid_amount", `${name} must be a whole number of öre`, { [name]: value });
}

/** Kronor to öre: `kronor(1234.5)` is 123450. Rounds away float noise (1.005 kr is 101 öre, not 100). */
export function kronor(kr: number): Ore {
  if (!Number.isFinite(kr)) throw new DomainError("invalid_amount", "kronor must be a finite number");
  // toFixed(2) rounds the decimal representation, so 1.005 → "1.01" where Math.round(kr * 100) gives 100.
  const ore = Math.round(Number((kr * 100).toFixed(2)));
  assertOre(ore);
  return ore === 0 ? 0 : ore;
}

/**
 * Splits a total into `parts` amounts that add up exactly and differ by at most one öre, the
 * larger (in absolute value) first: allocate(1000, 3) = [334, 333, 333], allocate(-1000, 3) =
 * [-334, -333, -333].
 */
export function allocate(totalOre: Ore, parts: number): Ore[] {
  assertOre(totalOre, "totalOre");
  if (!Number.isSafeInteger(parts) || parts < 1) throw new DomainError("invalid_parts", "parts must be a positive whole number", { parts });
  const sign = totalOre < 0 ? -1 : 1;
  const abs = Math.abs(totalOre);
  const base = Math.floor(abs / parts);
  const extra = abs - base * parts;
  return Array.from({ length: parts }, (_, i) => sign * (base + (i < extra ? 1 : 0)) || 0);
}

/**
 * Splits a total in proportion to non-negative weights by the largest-remainder method, adding up
 * exactly; ties go to the earlier weight. Whole-number weights are computed exactly (BigInt), so
 * large amounts never drift. All weights zero splits evenly.
 */
export function allocateByWeights(totalOre: Ore, weights: number[]): Ore[] {
  assertOre(totalOre, "totalOre");
  if (weights.length === 0 || weights.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new DomainError("invalid_weights", "weights must be one or more finite numbers ≥ 0");
  }
  if (weights.every((w) => w === 0)) return allocate(totalOre, weights.length);
  const sign = totalOre < 0 ? -1 : 1;
  const abs = Math.abs(totalOre);
  // Every share has the same denominator (the weights' sum), so remainders compare as numerators.
  let shares: { floor: number; remainder: number | bigint }[];
  if (weights.every((w) => Number.isSafeInteger(w))) {
    const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
    shares = weights.map((w) => {
      const scaled = BigInt(abs) * BigInt(w);
      return { floor: Number(scaled / sum), remainder: scaled % sum };
    });
  } else {
    const sum = weights.reduce((a, w) => a + w, 0);
    shares = weights.map((w) => {
      const exact = (abs * w) / sum;
      return { floor: Math.floor(exact), remainder: exact - Math.floor(exact) };
    });
  }
  const result = shares.map((s) => s.floor);
  const byRemainder = shares
    .map((s, i) => ({ i, r: s.remainder }))
    .sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i))
    .map((s) => s.i);
  let rest = abs - result.reduce((a, b) => a + b, 0);
  // Exact weights leave 0 ≤ rest < parts; float weights may be off by an öre either way.
  for (let k = 0; rest > 0; k = (k + 1) % byRemainder.length, rest--) result[byRemainder[k]!]! += 1;
  for (let k = byRemainder.length - 1; rest < 0; k = (k - 1 + byRemainder.length) % byRemainder.length) {
    const i = byRemainder[k]!;
    if (result[i]! > 0) {
      result[i]! -= 1;
      rest++;
    }
  }
  return result.map((v) => sign * v || 0);
}

/** An exact decimal string of kronor ("-1234.50"), so Intl never sees a rounded float. */
function decimalKronor(ore: Ore): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const FORMATTERS = {
  sv: {
    exact: new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK", minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat("sv-SE", { style: "currency", currency: "SEK", minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  },
  en: {
    exact: new Intl.NumberFormat("en-GB", { style: "currency", currency: "SEK", currencyDisplay: "code", minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    whole: new Intl.NumberFormat("en-GB", { style: "currency", currency: "SEK", currencyDisplay: "code", minimumFractionDigits: 0, maximumFractionDigits: 0 }),
  },
} as const;

// Intl.NumberFormat's typings take a number; since ES2023 it also formats an exact decimal string.
type DecimalFormatter = { format(value: string): string };

/**
 * Always two decimals: "1 234,50 kr" in Swedish, "SEK 1,234.50" in English. The text is exactly
 * what Intl.NumberFormat gives for sv-SE and en-GB with currency SEK: today's ICU separates
 * thousands and "kr" with a no-break space (U+00A0) and writes a Swedish minus as U+2212
 * ("−1 234,50 kr"); English uses "-SEK 1,234.50". Compare in tests with whitespace normalised.
 */
export function formatMoney(ore: Ore, locale: "sv" | "en"): string {
  assertOre(ore);
  return (FORMATTERS[locale].exact as DecimalFormatter).format(decimalKronor(ore));
}

/** Like formatMoney, but whole kronor drop the decimals: "1 450 kr", "SEK 1,450"; "1 450,50 kr" stays. */
export function formatMoneyShort(ore: Ore, locale: "sv" | "en"): string {
  assertOre(ore);
  if (ore % 100 !== 0) return formatMoney(ore, locale);
  return (FORMATTERS[locale].whole as DecimalFormatter).format(String(ore / 100));
}

/**
 * Reads an amount in kronor that a person typed: "1 234,50", "1234.5", "1 234 kr", "1234",
 * "SEK 1,234.50", "1.234,50", "500:-". Returns öre, or null for anything else: garbage, negatives,
 * more than two decimals. A lone "1,234" or "1.234" (a thousands group, or three decimals?) is
 * refused so the person types it again rather than risk a thousandfold mistake, except after
 * "SEK", where the English convention (comma groups thousands) is clear.
 */
export function parseMoney(input: string): Ore | null {
  let s = input.trim().replace(/[\s\u00a0\u202f]/g, "");
  const english = /^sek/i.test(s);
  s = s.replace(/^sek/i, "").replace(/(kr|:-|sek)$/i, "");
  if (!/^[\d.,]+$/.test(s)) return null;
  if (english && /^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) {
    s = s.replace(/,/g, ""); // "SEK 1,234", "SEK 1,234.50"
  } else if (/^\d{1,3}(,\d{3}){2,}(\.\d{1,2})?$/.test(s) || /^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s)) {
    s = s.replace(/,/g, ""); // English thousands, unambiguous: "1,234,567", "1,234.50"
  } else if (/^\d{1,3}(\.\d{3}){2,}(,\d{1,2})?$/.test(s) || /^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(s)) {
    s = s.replace(/\./g, "").replace(",", "."); // Swedish thousands with dots: "1.234.567", "1.234,50"
  } else {
    s = s.replace(",", ".");
  }
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!match) return null;
  const ore = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(ore) ? ore : null;
}
