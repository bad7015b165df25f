import { DomainError } from "./errors";

/** Money is a whole number of öre. */
export type Ore = number;

function assertOre(value: number, name = "amount"): void {
  if (!Number.isSafeInteger(value)) throw new DomainError("invalid_amount", `${name} must be whole öre`);
}

export function kronor(kr: number): Ore {
  return Math.round(kr * 100);
}

/** Splits a total into `parts` amounts that differ by at most one öre and add up exactly (larger first). */
export function allocate(totalOre: Ore, parts: number): Ore[] {
  assertOre(totalOre);
  if (!Number.isInteger(parts) || parts < 1) throw new DomainError("invalid_parts", "parts must be a positive whole number");
  const sign = totalOre < 0 ? -1 : 1;
  const abs = Math.abs(totalOre);
  const base = Math.floor(abs / parts);
  const extra = abs - base * parts;
  return Array.from({ length: parts }, (_, i) => sign * (base + (i < extra ? 1 : 0)) || 0);
}

/** Splits a total in proportion to weights (largest remainder), adding up exactly. */
export function allocateByWeights(totalOre: Ore, weights: number[]): Ore[] {
  assertOre(totalOre);
  if (weights.length === 0 || weights.some((w) => w < 0 || !Number.isFinite(w))) throw new DomainError("invalid_weights");
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return allocate(totalOre, weights.length);
  const sign = totalOre < 0 ? -1 : 1;
  const abs = Math.abs(totalOre);
  const exact = weights.map((w) => (abs * w) / sum);
  const floors = exact.map(Math.floor);
  let rest = abs - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest -= 1;
  }
  return floors.map((f) => sign * f || 0);
}

const svFormat = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const svShort = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const enFormat = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const enShort = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/**
 * "1 234,50 kr" in Swedish (Intl's narrow no-break space as thousands separator), "SEK 1,234.50"
 * in English. Whole kronor drop the decimals: "1 450 kr", "SEK 1,450".
 */
export function formatMoney(ore: Ore, locale: "sv" | "en"): string {
  assertOre(ore);
  const whole = ore % 100 === 0;
  const value = ore / 100;
  if (locale === "sv") return `${(whole ? svShort : svFormat).format(value).replace("-", "−")} kr`;
  return `SEK ${(whole ? enShort : enFormat).format(value)}`;
}

/** Always two decimals: "1 234,00 kr" (receipts, tables that must line up). */
export function formatMoneyExact(ore: Ore, locale: "sv" | "en"): string {
  assertOre(ore);
  const value = ore / 100;
  return locale === "sv" ? `${svFormat.format(value)} kr` : `SEK ${enFormat.format(value)}`;
}

/**
 * Reads an amount a person typed, in kronor: "1 234,50", "1234.5", "1 234 kr", "SEK 1,234.50".
 * Returns öre, or null when it is not a plain non-negative amount with at most two decimals.
 */
export function parseMoney(input: string): Ore | null {
  let s = input.trim().replace(/\s|\u00a0|\u202f/g, "").replace(/^sek/i, "").replace(/(kr|:-|sek)$/i, "");
  if (s === "" || s.startsWith("-")) return null;
  // "1,234.50" (English) and "1.234,50" (Swedish) thousands separators.
  if (/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(s)) s = s.replace(/,/g, "");
  else if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) s = s.replace(/\./g, "").replace(",", ".");
  else s = s.replace(",", ".");
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
