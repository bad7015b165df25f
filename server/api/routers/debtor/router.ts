import { createTRPCRouter } from "../../trpc";
import { casesGet } from "./cases-get";
import { casesList } from "./cases-list";
import { debtFree } from "./debt-free";
import { me } from "./me";

export const debtorRouter = createTRPCRouter({
  me,
  debtFree,
  cases: createTRPCRouter({ list: casesList, get: casesGet }),
});
