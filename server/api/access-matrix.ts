/**
 * Who may call each tRPC procedure, and an input naming another person's things. The generated
 * access test (`access-matrix.int.test.ts`) calls every procedure of the router as its owner, as
 * another debtor, as a person with no cases, as every staff role and signed out, and fails for a
 * procedure that is missing here. A new procedure needs one line: who may call it, and an input
 * built from `owned` (debtor A's case, plan, payment… ids) where it takes ids.
 */
export type StaffRole = "agent" | "supervisor" | "admin";

export interface Owned {
  debtorId: string;
  caseId: string;
  planId: string;
  instalmentId: string;
  paymentId: string;
  requestId: string;
  attachmentId: string;
  orderId: string;
  unmatchedPaymentId: string;
}

export interface AccessEntry {
  /** debtor: a signed-in debtor with cases; person: any signed-in debtor; staff: these roles; public: anyone. */
  who: "debtor" | "person" | "public" | { staff: StaffRole[] };
  input: (owned: Owned) => unknown;
  /** Not called: it only talks to an outside service and names nobody's data (why, in words). */
  notCalled?: string;
}

const ALL_STAFF: StaffRole[] = ["agent", "supervisor", "admin"];

export const ACCESS: Record<string, AccessEntry> = {
  "auth.bankid.start": {
    who: "public",
    input: () => ({ purpose: "debtor", sameDevice: true }),
    notCalled: "starts a new order at BankID for whoever asks; covered against the simulator by the BankID sign-in tests",
  },
  "auth.bankid.poll": { who: "public", input: (o) => ({ orderId: o.orderId }) },
  "auth.bankid.cancel": { who: "public", input: (o) => ({ orderId: o.orderId }) },

  "debtor.me": { who: "person", input: () => undefined },
  "debtor.debtFree": { who: "debtor", input: () => ({ monthlyOre: 50_000 }) },
  "debtor.attachments.download": { who: "debtor", input: (o) => ({ attachmentId: o.attachmentId }) },
  "debtor.cases.list": { who: "debtor", input: () => undefined },
  "debtor.cases.get": { who: "debtor", input: (o) => ({ caseId: o.caseId }) },
  "debtor.cases.postpone": { who: "debtor", input: (o) => ({ caseId: o.caseId }) },
  "debtor.payments.options": { who: "debtor", input: (o) => ({ caseId: o.caseId }) },
  "debtor.payments.start": { who: "debtor", input: (o) => ({ caseIds: [o.caseId], amountOre: null, method: "swish" }) },
  "debtor.payments.get": { who: "debtor", input: (o) => ({ requestId: o.requestId }) },
  "debtor.payments.receipt": { who: "debtor", input: (o) => ({ paymentId: o.paymentId }) },
  "debtor.plans.list": { who: "debtor", input: () => undefined },
  "debtor.plans.preview": { who: "debtor", input: (o) => ({ caseIds: [o.caseId], months: 3, dueDay: 26, method: "bankgiro" }) },
  "debtor.plans.propose": { who: "debtor", input: (o) => ({ answers: { caseIds: [o.caseId], months: 3, dueDay: 26, method: "bankgiro" } }) },
  "debtor.plans.get": { who: "debtor", input: (o) => ({ planId: o.planId }) },
  "debtor.plans.startSigning": { who: "debtor", input: (o) => ({ planId: o.planId, sameDevice: true }) },
  "debtor.plans.completeSigning": { who: "debtor", input: (o) => ({ planId: o.planId, orderId: o.orderId }) },
  "debtor.plans.moveInstalment": { who: "debtor", input: (o) => ({ instalmentId: o.instalmentId, newDate: "2027-03-01" }) },
  "debtor.plans.pause": { who: "debtor", input: (o) => ({ planId: o.planId }) },

  "staff.attachments.download": { who: { staff: ALL_STAFF }, input: (o) => ({ attachmentId: o.attachmentId }) },
  "staff.payments.queue": { who: { staff: ALL_STAFF }, input: () => undefined },
  "staff.payments.assign": { who: { staff: ALL_STAFF }, input: (o) => ({ paymentId: o.unmatchedPaymentId, caseId: o.caseId }) },
  "staff.payments.refund": { who: { staff: ALL_STAFF }, input: (o) => ({ paymentId: o.unmatchedPaymentId }) },
  "staff.payments.import": { who: { staff: ALL_STAFF }, input: () => ({ contentBase64: Buffer.from("not a bgmax file").toString("base64") }) },
  "staff.plans.requests": { who: { staff: ALL_STAFF }, input: () => undefined },
  "staff.plans.decide": { who: { staff: ALL_STAFF }, input: (o) => ({ planId: o.planId, approve: false, note: "" }) },
};
