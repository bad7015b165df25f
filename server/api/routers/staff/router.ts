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
import { paymentsAssign } from "./payments-assign";
import { paymentsImport } from "./payments-import";
import { paymentsQueue } from "./payments-queue";
import { paymentsRefund } from "./payments-refund";
import { plansDecide } from "./plans-decide";
import { plansRequests } from "./plans-requests";

export const staffRouter = createTRPCRouter({
  attachments: createTRPCRouter({ download: attachmentsDownload }),
  talk: createTRPCRouter({ queue: talkQueue, thread: talkThread, reply: talkReply, handled: talkHandled }),
  callbacks: createTRPCRouter({ get: callbacksGet, outcome: callbacksOutcome }),
  requests: createTRPCRouter({ get: requestsGet, answer: requestsAnswer, release: requestsRelease }),
  payments: createTRPCRouter({ queue: paymentsQueue, assign: paymentsAssign, refund: paymentsRefund, import: paymentsImport }),
  plans: createTRPCRouter({ requests: plansRequests, decide: plansDecide }),
  disputes: createTRPCRouter({ list: disputesList, get: disputesGet, decide: disputesDecide }),
});
