import { addMonths, nextBankDay, type IsoDate } from "./calendar";

const MAX_MONTHS = 600;

/**
 * "If I pay X a month, when am I free?" Each month interest is added on each case's principal
 * (a twelfth of the yearly rate), then the payment settles interest and fees before principal.
 * Payments fall on the payday-aware date each month. Null when the amount never catches up.
 */
export function debtFreeForecast(input: {
  cases: { leftOre: number; principalLeftOre: number; annualRateBp: number }[];
  monthlyOre: number;
  start: IsoDate;
}): { months: { date: IsoDate; leftOre: number }[]; debtFreeDate: IsoDate | null; interestOre: number } {
  const cases = input.cases.filter((c) => c.leftOre > 0).map((c) => ({ ...c, other: c.leftOre - c.principalLeftOre }));
  const months: { date: IsoDate; leftOre: number }[] = [];
  let interestOre = 0;
  if (cases.length === 0) return { months, debtFreeDate: input.start, interestOre };
  for (let m = 0; m < MAX_MONTHS; m++) {
    const date = m === 0 ? input.start : nextBankDay(`${addMonths(`${input.start.slice(0, 7)}-01`, m).slice(0, 7)}-26`);
    let pay = input.monthlyOre;
    let added = 0;
    for (const c of cases) {
      const interest = Math.round((c.principalLeftOre * c.annualRateBp) / 10000 / 12);
      c.other += interest;
      added += interest;
    }
    interestOre += added;
    // Settle interest and fees first, then principal, case by case in the order given.
    for (const c of cases) {
      const toOther = Math.min(pay, c.other);
      c.other -= toOther;
      pay -= toOther;
    }
    for (const c of cases) {
      const toPrincipal = Math.min(pay, c.principalLeftOre);
      c.principalLeftOre -= toPrincipal;
      pay -= toPrincipal;
    }
    const left = cases.reduce((s, c) => s + c.other + c.principalLeftOre, 0);
    months.push({ date, leftOre: left });
    if (left === 0) return { months, debtFreeDate: date, interestOre };
    if (input.monthlyOre <= added) return { months: [], debtFreeDate: null, interestOre: 0 };
  }
  return { months: [], debtFreeDate: null, interestOre: 0 };
}
