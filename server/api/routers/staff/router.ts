import { createTRPCRouter } from "../../trpc";
import { attachmentsDownload } from "./attachments-download";
import { disputesDecide } from "./disputes-decide";
import { disputesGet } from "./disputes-get";
import { disputesList } from "./disputes-list";
import { paymentsAssign } from "./payments-assign";
import { paymentsImport } from "./payments-import";
import { paymentsQueue } from "./payments-queue";
import { paymentsRefund } from "./payments-refund";
import { plansDecide } from "./plans-decide";
import { plansRequests } from "./plans-requests";

export const staffRouter = createTRPCRouter({
  attachments: createTRPCRouter({ download: attachmentsDownload }),
  payments: createTRPCRouter({ queue: paymentsQueue, assign: paymentsAssign, refund: paymentsRefund, import: paymentsImport }),
  plans: createTRPCRouter({ requests: plansRequests, decide: plansDecide }),
  disputes: createTRPCRouter({ list: disputesList, get: disputesGet, decide: disputesDecide }),
});
