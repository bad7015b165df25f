import type { Queryable } from "../../db/client";
import { paydayDueDate } from "../../domain/calendar";
import { debtFreeForecast } from "../../domain/forecast";
import { caseState } from "./case-state";
import { loadDebtorLedgers } from "./load-ledgers";

/**
 * "If I pay X a month, when am I free of all my cases here?" — over the debtor's open cases, with
 * the interest compared with paying the creditors' smallest monthly amount, and that slower
 * line itself for the chart.
 */
export async function debtFreeForDebtor(db: Queryable, input: { debtorId: string; monthlyOre: number; asOf: string }) {
  const ledgers = (await loadDebtorLedgers(db, input)).filter((l) => {
    const state = caseState(l);
    return state === "to_pay" || state === "in_plan";
  });
  const cases = ledgers.map((l) => ({
    leftOre: l.balance.leftOre,
    principalLeftOre: l.balance.principal.leftOre,
    annualRateBp: l.balance.interest.annualRateBp,
  }));
  const start = paydayDueDate(input.asOf);
  const forecast = debtFreeForecast({ cases, monthlyOre: input.monthlyOre, start });
  const baselineOre = Math.max(...ledgers.map((l) => l.policy?.minInstalmentOre ?? 10_000), 10_000);
  const baseline = input.monthlyOre > baselineOre ? debtFreeForecast({ cases, monthlyOre: baselineOre, start }) : null;
  return {
    totalLeftOre: cases.reduce((s, c) => s + c.leftOre, 0),
    start,
    months: forecast.months,
    debtFreeDate: forecast.debtFreeDate,
    interestOre: forecast.interestOre,
    baselineMonthlyOre: baseline ? baselineOre : null,
    baselineMonths: baseline && baseline.debtFreeDate ? baseline.months : null,
    interestAvoidedOre: baseline && baseline.debtFreeDate ? Math.max(0, baseline.interestOre - forecast.interestOre) : null,
  };
}
