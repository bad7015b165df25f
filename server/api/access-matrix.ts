import type { StaffNeed } from "../domain/permissions";

/**
 * Who may call each tRPC procedure, and how to build its input. The generated access test
 * (`access-matrix.int.test.ts`) walks the router itself and fails for a procedure without an entry
 * here (or an entry for one that is gone). It calls:
 * - every debtor and public procedure with debtor A's ids, as another debtor, as a person with no
 *   cases, as every staff role and signed out; the reads also as A, so the ids are known to be real;
 * - every staff procedure as every role (allowed: it works and writes exactly one audit event;
 *   not allowed: FORBIDDEN and no audit event), and as a debtor and signed out (UNAUTHORIZED).
 * A new procedure needs one line: a debtor one names A's things through `owned`; a staff one names
 * the permission it needs and makes an input that succeeds from the test's `fixture`.
 */

/** Debtor A's things, created by the test before the matrix runs. */
export interface Owned {
  debtorId: string;
  caseId: string;
  /** A case of A's with a dispute draft and a submitted dispute. */
  disputedCaseId: string;
  planId: string;
  instalmentId: string;
  paymentId: string;
  requestId: string;
  attachmentId: string;
  orderId: string;
  threadId: string;
  callbackId: string;
  complaintId: string;
  dataAccessId: string;
  /** A day and window a callback may be asked for. */
  callbackDay: string;
  callbackHour: number;
}

/** Fresh things for staff procedures to act on, one per call (see the test). */
export interface StaffFixture {
  debtorId: string;
  caseId: string;
  creditorId: string;
  templateId: string;
  freshCase(): Promise<{ debtorId: string; caseId: string; caseNumber: string }>;
  freshThread(): Promise<string>;
  freshCallback(): Promise<string>;
  freshComplaint(): Promise<string>;
  freshDataAccess(): Promise<string>;
  freshDispute(): Promise<string>;
  freshAttachment(): Promise<string>;
  freshPlanRequest(): Promise<string>;
  freshSupportNeed(): Promise<string>;
  freshHold(): Promise<string>;
  freshStaffUser(): Promise<string>;
  /** A creditor with a policy and no experiment. */
  freshCreditor(): Promise<string>;
  /** A running experiment on a creditor of its own. */
  freshExperiment(): Promise<string>;
  freshPersonalNumber(): string;
  /** A word no other call has used. */
  unique(): string;
  openWorkItem(): Promise<string>;
  unmatchedPayment(): Promise<string>;
  bgmaxFile(): string;
}

export type DebtorEntry = {
  /** debtor: a signed-in debtor with cases; person: any signed-in person; public: anyone. */
  who: "debtor" | "person" | "public";
  input: (owned: Owned) => unknown;
  /** Not called: it only talks to an outside service and names nobody's data (why, in words). */
  notCalled?: string;
};

export type StaffEntry = { need: StaffNeed; input: (fixture: StaffFixture) => Promise<unknown> };

const plan = (caseId: string) => ({ caseIds: [caseId], months: 3, dueDay: 26, method: "bankgiro" as const });

export const DEBTOR_ACCESS: Record<string, DebtorEntry> = {
  "auth.bankid.start": {
    who: "public",
    input: () => ({ purpose: "debtor", sameDevice: true }),
    notCalled: "starts a new order at BankID for whoever asks; covered against the simulator by the BankID sign-in tests",
  },
  "auth.bankid.poll": { who: "public", input: (o) => ({ orderId: o.orderId }) },
  "auth.bankid.cancel": { who: "public", input: (o) => ({ orderId: o.orderId }) },

  "debtor.me": { who: "person", input: () => undefined },
  "debtor.preferences.get": { who: "debtor", input: () => undefined },
  "debtor.preferences.save": { who: "debtor", input: () => ({ order: ["kivra", "paper"], language: "sv" }) },
  "debtor.preferences.sendCode": { who: "debtor", input: () => ({ channel: "email", address: "b@example.se" }) },
  "debtor.preferences.confirmCode": { who: "debtor", input: () => ({ channel: "email", code: "123456" }) },
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
  "debtor.plans.preview": { who: "debtor", input: (o) => plan(o.caseId) },
  "debtor.plans.propose": { who: "debtor", input: (o) => ({ answers: plan(o.caseId) }) },
  "debtor.plans.get": { who: "debtor", input: (o) => ({ planId: o.planId }) },
  "debtor.plans.startSigning": { who: "debtor", input: (o) => ({ planId: o.planId, sameDevice: true }) },
  "debtor.plans.completeSigning": { who: "debtor", input: (o) => ({ planId: o.planId, orderId: o.orderId }) },
  "debtor.plans.moveInstalment": { who: "debtor", input: (o) => ({ instalmentId: o.instalmentId, newDate: "2027-03-01" }) },
  "debtor.plans.pause": { who: "debtor", input: (o) => ({ planId: o.planId }) },

  "debtor.talk.overview": { who: "debtor", input: () => undefined },
  "debtor.talk.unread": { who: "debtor", input: () => undefined },
  "debtor.talk.compose": { who: "debtor", input: (o) => ({ subject: { caseId: o.caseId } }) },
  "debtor.talk.send": { who: "debtor", input: (o) => ({ subject: { caseId: o.caseId }, body: "Hej, en fråga.", files: [] }) },
  "debtor.talk.openThread": { who: "debtor", input: (o) => ({ threadId: o.threadId }) },
  "debtor.talk.caseHistory": { who: "debtor", input: (o) => ({ caseId: o.caseId }) },
  "debtor.callbacks.options": { who: "debtor", input: () => undefined },
  "debtor.callbacks.request": { who: "debtor", input: (o) => ({ caseId: o.caseId, phone: "070-123 45 67", day: o.callbackDay, startHour: o.callbackHour, topic: "Plan" }) },
  "debtor.callbacks.get": { who: "debtor", input: (o) => ({ callbackId: o.callbackId }) },
  "debtor.callbacks.cancel": { who: "debtor", input: (o) => ({ callbackId: o.callbackId }) },
  "debtor.requests.complain": { who: "debtor", input: (o) => ({ caseId: o.caseId, body: "Ni svarade inte." }) },
  "debtor.requests.complaintDraft": { who: "debtor", input: () => undefined },
  "debtor.requests.dataAccess": { who: "debtor", input: () => undefined },
  "debtor.requests.open": { who: "debtor", input: (o) => ({ requestId: o.complaintId }) },
  "debtor.requests.dataExport": { who: "debtor", input: (o) => ({ requestId: o.dataAccessId }) },
  "debtor.disputes.draft": { who: "debtor", input: (o) => ({ caseId: o.disputedCaseId }) },
  "debtor.disputes.saveDraft": { who: "debtor", input: (o) => ({ caseId: o.caseId, reason: "other", part: "all", disputedOre: 0, description: "Fel belopp." }) },
  "debtor.disputes.attach": { who: "debtor", input: (o) => ({ caseId: o.caseId, files: [] }) },
  "debtor.disputes.detach": { who: "debtor", input: (o) => ({ caseId: o.caseId, attachmentId: o.attachmentId }) },
  "debtor.disputes.submit": { who: "debtor", input: (o) => ({ caseId: o.caseId, reason: "other", part: "all", amountOre: null, description: "Fel belopp." }) },
};

export const STAFF_ACCESS: Record<string, StaffEntry> = {
  "staff.attachments.download": { need: "debtor:read", input: async (f) => ({ attachmentId: await f.freshAttachment() }) },
  "staff.talk.queue": { need: "queue:read", input: async () => undefined },
  "staff.talk.thread": { need: "debtor:read", input: async (f) => ({ threadId: await f.freshThread() }) },
  "staff.talk.reply": { need: "talk:answer", input: async (f) => ({ threadId: await f.freshThread(), body: "Tack, vi tittar på det." }) },
  "staff.talk.handled": { need: "talk:answer", input: async (f) => ({ threadId: await f.freshThread() }) },
  "staff.callbacks.get": { need: "debtor:read", input: async (f) => ({ callbackId: await f.freshCallback() }) },
  "staff.callbacks.outcome": { need: "talk:answer", input: async (f) => ({ callbackId: await f.freshCallback(), outcome: "reached", note: "" }) },
  "staff.requests.get": { need: "debtor:read", input: async (f) => ({ requestId: await f.freshComplaint() }) },
  "staff.requests.answer": { need: "talk:answer", input: async (f) => ({ requestId: await f.freshComplaint(), answer: "Vi ber om ursäkt." }) },
  "staff.requests.release": { need: "talk:answer", input: async (f) => ({ requestId: await f.freshDataAccess() }) },
  "staff.disputes.list": { need: "queue:read", input: async () => undefined },
  "staff.disputes.get": { need: "debtor:read", input: async (f) => ({ disputeId: await f.freshDispute() }) },
  "staff.disputes.decide": { need: "disputes:decide", input: async (f) => ({ disputeId: await f.freshDispute(), decision: { outcome: "reject" }, reason: "Kravet stämmer." }) },
  "staff.payments.queue": { need: "queue:read", input: async () => undefined },
  "staff.payments.assign": { need: "payments:write", input: async (f) => ({ paymentId: await f.unmatchedPayment(), caseNumber: (await f.freshCase()).caseNumber }) },
  "staff.payments.refund": { need: "payments:write", input: async (f) => ({ paymentId: await f.unmatchedPayment() }) },
  "staff.payments.import": { need: "payments:write", input: async (f) => ({ contentBase64: f.bgmaxFile() }) },
  "staff.plans.requests": { need: "queue:read", input: async () => undefined },
  "staff.plans.decide": { need: "plans:decide", input: async (f) => ({ planId: await f.freshPlanRequest(), approve: true, note: "" }) },
  "staff.plans.counterOffer": { need: "plans:decide", input: async (f) => ({ planId: await f.freshPlanRequest(), months: 10, note: "Tio månader går" }) },
  "staff.queue.list": { need: "queue:read", input: async () => ({}) },
  "staff.queue.load": { need: "staff:load", input: async () => undefined },
  "staff.queue.assign": { need: "queue:work", input: async (f) => ({ workItemId: await f.openWorkItem(), to: "me" }) },
  "staff.debtors.search": { need: "queue:read", input: async () => ({ query: "Holmberg" }) },
  "staff.debtors.get": { need: "debtor:read", input: async (f) => ({ debtorId: f.debtorId }) },
  "staff.debtors.revealNumber": { need: "debtor:reveal-pnr", input: async (f) => ({ debtorId: f.debtorId, reason: "the person called" }) },
  "staff.debtors.addNote": { need: "debtor:write", input: async (f) => ({ debtorId: f.debtorId, body: "A note" }) },
  "staff.debtors.setSupportNeed": { need: "debtor:write", input: async (f) => ({ debtorId: f.debtorId, kind: "needs_more_time", detail: "Sick leave" }) },
  "staff.debtors.clearSupportNeed": { need: "debtor:write", input: async (f) => ({ debtorId: await f.freshSupportNeed() }) },
  "staff.debtors.readSupportNeed": { need: "support-needs:read", input: async (f) => ({ debtorId: await f.freshSupportNeed(), reason: "planning the call" }) },
  "staff.cases.placeHold": { need: "debtor:write", input: async (f) => ({ caseId: f.caseId, days: 5, reason: "waiting for papers" }) },
  "staff.cases.liftHold": { need: "debtor:write", input: async (f) => ({ holdId: await f.freshHold() }) },
  "staff.cases.recordPromise": { need: "debtor:write", input: async (f) => ({ caseId: f.caseId, amountOre: 50_000, dueOn: "2026-12-10" }) },
  "staff.templates.list": { need: "templates:read", input: async () => ({}) },
  "staff.templates.save": { need: "templates:write", input: async (f) => ({ name: `Mall ${f.unique()}`, bodySv: "Hej {name}", bodyEn: "Hello {name}" }) },
  "staff.templates.render": { need: "templates:read", input: async (f) => ({ templateId: f.templateId, debtorId: f.debtorId, caseId: f.caseId }) },
  "staff.policies.list": { need: "queue:read", input: async () => undefined },
  "staff.policies.update": {
    need: "policy:write",
    input: async (f) => ({ creditorId: f.creditorId, minInstalmentOre: 20_000, maxPlanMonths: 12, chargePlanFee: true, allowPlanPause: false, replyBankDays: 2 }),
  },
  "staff.insights.dashboard": { need: "insights:read", input: async (f) => ({ creditorId: f.creditorId }) },
  "staff.insights.export": { need: "insights:read", input: async () => ({}) },
  "staff.experiments.list": { need: "insights:read", input: async () => undefined },
  // One experiment runs per creditor: each call gets a creditor of its own.
  "staff.experiments.start": { need: "experiments:manage", input: async (f) => ({ creditorId: await f.freshCreditor(), kind: "due_day", armA: "23", armB: "26" }) },
  "staff.experiments.stop": { need: "experiments:manage", input: async (f) => ({ experimentId: await f.freshExperiment(), winner: "b" }) },
  "staff.audit.list": { need: "audit:read", input: async () => ({}) },
  "staff.audit.export": { need: "audit:read", input: async () => ({}) },
  "staff.users.list": { need: "staff:manage", input: async () => undefined },
  "staff.users.add": { need: "staff:manage", input: async (f) => ({ personalNumber: f.freshPersonalNumber(), name: "New Person", role: "agent" }) },
  "staff.users.update": { need: "staff:manage", input: async (f) => ({ staffUserId: await f.freshStaffUser(), role: "supervisor" }) },
};
