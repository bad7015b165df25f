import { createTRPCRouter } from "../../trpc";
import { attachmentsDownload } from "./attachments-download";
import { disputesDecide } from "./disputes-decide";
import { disputesGet } from "./disputes-get";
import { disputesList } from "./disputes-list";
import { callbacksGet } from "./callbacks-get";
import { callbacksOutcome } from "./callbacks-outcome";
import { requestsAnswer } from "./requests-answer";
import { requestsGet } from "./requests-get";
import { requestsRelease } from "./requests-release";
import { talkHandled } from "./talk-handled";
import { talkQueue } from "./talk-queue";
import { talkReply } from "./talk-reply";
import { talkThread } from "./talk-thread";
import { auditExport } from "./audit-export";
import { auditList } from "./audit-list";
import { casesLiftHold } from "./cases-lift-hold";
import { casesPlaceHold } from "./cases-place-hold";
import { casesRecordPromise } from "./cases-record-promise";
import { debtorsAddNote } from "./debtors-add-note";
import { debtorsClearSupportNeed } from "./debtors-clear-support-need";
import { debtorsGet } from "./debtors-get";
import { debtorsReadSupportNeed } from "./debtors-read-support-need";
import { debtorsRevealNumber } from "./debtors-reveal-number";
import { debtorsSearch } from "./debtors-search";
import { debtorsSetSupportNeed } from "./debtors-set-support-need";
import { paymentsAssign } from "./payments-assign";
import { paymentsImport } from "./payments-import";
import { paymentsQueue } from "./payments-queue";
import { paymentsRefund } from "./payments-refund";
import { plansCounterOffer } from "./plans-counter-offer";
import { plansDecide } from "./plans-decide";
import { plansRequests } from "./plans-requests";
import { policiesList } from "./policies-list";
import { policiesUpdate } from "./policies-update";
import { queueAssign } from "./queue-assign";
import { queueList } from "./queue-list";
import { queueLoad } from "./queue-load";
import { experimentsList } from "./experiments-list";
import { experimentsStart } from "./experiments-start";
import { experimentsStop } from "./experiments-stop";
import { insightsDashboard } from "./insights-dashboard";
import { insightsExport } from "./insights-export";
import { templatesList } from "./templates-list";
import { templatesRender } from "./templates-render";
import { templatesSave } from "./templates-save";
import { usersAdd } from "./users-add";
import { usersList } from "./users-list";
import { usersUpdate } from "./users-update";

export const staffRouter = createTRPCRouter({
  attachments: createTRPCRouter({ download: attachmentsDownload }),
  talk: createTRPCRouter({ queue: talkQueue, thread: talkThread, reply: talkReply, handled: talkHandled }),
  callbacks: createTRPCRouter({ get: callbacksGet, outcome: callbacksOutcome }),
  requests: createTRPCRouter({ get: requestsGet, answer: requestsAnswer, release: requestsRelease }),
  payments: createTRPCRouter({ queue: paymentsQueue, assign: paymentsAssign, refund: paymentsRefund, import: paymentsImport }),
  disputes: createTRPCRouter({ list: disputesList, get: disputesGet, decide: disputesDecide }),
  plans: createTRPCRouter({
    requests: plansRequests,
    decide: plansDecide,
    counterOffer: plansCounterOffer,
  }),
  queue: createTRPCRouter({
    list: queueList,
    load: queueLoad,
    assign: queueAssign,
  }),
  debtors: createTRPCRouter({
    search: debtorsSearch,
    get: debtorsGet,
    revealNumber: debtorsRevealNumber,
    addNote: debtorsAddNote,
    setSupportNeed: debtorsSetSupportNeed,
    clearSupportNeed: debtorsClearSupportNeed,
    readSupportNeed: debtorsReadSupportNeed,
  }),
  cases: createTRPCRouter({
    placeHold: casesPlaceHold,
    liftHold: casesLiftHold,
    recordPromise: casesRecordPromise,
  }),
  templates: createTRPCRouter({
    list: templatesList,
    save: templatesSave,
    render: templatesRender,
  }),
  policies: createTRPCRouter({
    list: policiesList,
    update: policiesUpdate,
  }),
  insights: createTRPCRouter({
    dashboard: insightsDashboard,
    export: insightsExport,
  }),
  experiments: createTRPCRouter({
    list: experimentsList,
    start: experimentsStart,
    stop: experimentsStop,
  }),
  audit: createTRPCRouter({
    list: auditList,
    export: auditExport,
  }),
  users: createTRPCRouter({
    list: usersList,
    add: usersAdd,
    update: usersUpdate,
  }),
});
