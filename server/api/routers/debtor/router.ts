import { createTRPCRouter } from "../../trpc";
import { attachmentsDownload } from "./attachments-download";
import { casesGet } from "./cases-get";
import { casesList } from "./cases-list";
import { casesPostpone } from "./cases-postpone";
import { debtFree } from "./debt-free";
import { disputesDraft } from "./disputes-draft";
import { disputesSaveDraft } from "./disputes-save-draft";
import { disputesSubmit } from "./disputes-submit";
import { me } from "./me";
import { paymentsGet } from "./payments-get";
import { paymentsOptions } from "./payments-options";
import { paymentsReceipt } from "./payments-receipt";
import { paymentsStart } from "./payments-start";
import { plansCompleteSigning } from "./plans-complete-signing";
import { plansGet } from "./plans-get";
import { plansList } from "./plans-list";
import { plansMoveInstalment } from "./plans-move-instalment";
import { plansPause } from "./plans-pause";
import { plansPreview } from "./plans-preview";
import { plansPropose } from "./plans-propose";
import { plansStartSigning } from "./plans-start-signing";

export const debtorRouter = createTRPCRouter({
  me,
  debtFree,
  attachments: createTRPCRouter({ download: attachmentsDownload }),
  cases: createTRPCRouter({ list: casesList, get: casesGet, postpone: casesPostpone }),
  payments: createTRPCRouter({ options: paymentsOptions, start: paymentsStart, get: paymentsGet, receipt: paymentsReceipt }),
  plans: createTRPCRouter({
    list: plansList,
    preview: plansPreview,
    propose: plansPropose,
    get: plansGet,
    startSigning: plansStartSigning,
    completeSigning: plansCompleteSigning,
    moveInstalment: plansMoveInstalment,
    pause: plansPause,
  }),
  disputes: createTRPCRouter({ draft: disputesDraft, saveDraft: disputesSaveDraft, submit: disputesSubmit }),
});
