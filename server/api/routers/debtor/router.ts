import { createTRPCRouter } from "../../trpc";
import { casesGet } from "./cases-get";
import { casesList } from "./cases-list";
import { debtFree } from "./debt-free";
import { me } from "./me";
import { paymentsGet } from "./payments-get";
import { paymentsOptions } from "./payments-options";
import { paymentsReceipt } from "./payments-receipt";
import { paymentsStart } from "./payments-start";

export const debtorRouter = createTRPCRouter({
  me,
  debtFree,
  cases: createTRPCRouter({ list: casesList, get: casesGet }),
  payments: createTRPCRouter({ options: paymentsOptions, start: paymentsStart, get: paymentsGet, receipt: paymentsReceipt }),
});
