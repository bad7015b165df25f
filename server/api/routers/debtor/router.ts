import { createTRPCRouter } from "../../trpc";
import { attachmentsDownload } from "./attachments-download";
import { callbacksCancel } from "./callbacks-cancel";
import { callbacksGet } from "./callbacks-get";
import { callbacksOptions } from "./callbacks-options";
import { callbacksRequest } from "./callbacks-request";
import { requestsComplain } from "./requests-complain";
import { requestsComplaintDraft } from "./requests-complaint-draft";
import { requestsDataAccess } from "./requests-data-access";
import { requestsDataExport } from "./requests-data-export";
import { requestsOpen } from "./requests-open";
import { talkCaseHistory } from "./talk-case-history";
import { talkCompose } from "./talk-compose";
import { talkOpenThread } from "./talk-open-thread";
import { talkOverview } from "./talk-overview";
import { talkSend } from "./talk-send";
import { talkUnread } from "./talk-unread";
import { casesGet } from "./cases-get";
import { casesList } from "./cases-list";
import { casesPostpone } from "./cases-postpone";
import { debtFree } from "./debt-free";
import { disputesAttach } from "./disputes-attach";
import { disputesDetach } from "./disputes-detach";
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
import { preferencesConfirmCode } from "./preferences-confirm-code";
import { preferencesGet } from "./preferences-get";
import { preferencesSave } from "./preferences-save";
import { preferencesSendCode } from "./preferences-send-code";

export const debtorRouter = createTRPCRouter({
  me,
  debtFree,
  attachments: createTRPCRouter({ download: attachmentsDownload }),
  talk: createTRPCRouter({ overview: talkOverview, unread: talkUnread, compose: talkCompose, send: talkSend, openThread: talkOpenThread, caseHistory: talkCaseHistory }),
  callbacks: createTRPCRouter({ options: callbacksOptions, request: callbacksRequest, get: callbacksGet, cancel: callbacksCancel }),
  requests: createTRPCRouter({ complain: requestsComplain, complaintDraft: requestsComplaintDraft, dataAccess: requestsDataAccess, open: requestsOpen, dataExport: requestsDataExport }),
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
  preferences: createTRPCRouter({ get: preferencesGet, save: preferencesSave, sendCode: preferencesSendCode, confirmCode: preferencesConfirmCode }),
  disputes: createTRPCRouter({ draft: disputesDraft, saveDraft: disputesSaveDraft, attach: disputesAttach, detach: disputesDetach, submit: disputesSubmit }),
});
