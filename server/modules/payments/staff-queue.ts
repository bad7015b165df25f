import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, creditors, debtors, outbox, paymentAllocations, payments, refunds } from "../../db/schema";
import { cancelQueuedMessages } from "../outreach/enqueue";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { allocatePayment, DEFAULT_ALLOCATION_ORDER } from "../../domain/ledger";
import { isValidOcr } from "../../domain/ocr";
import { instructionUuid } from "../../integrations/swish/client";
import { swishAmount } from "../../integrations/swish/types";
import { recordAudit } from "../audit/record";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { closeWorkItem, openWorkItem } from "../work-items/work-items";
import { workItemDueBy } from "../../domain/work-deadlines";
import type { PaymentDeps } from "./clients";

/** OCR numbers one slip away from `reference`: one digit wrong, or two neighbours swapped. */
export function nearReferences(reference: string): string[] {
  const digits = reference.replace(/\D/g, "");
  if (digits.length < 2 || digits.length > 25) return [];
  const out = new Set<string>();
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) out.add(`${digits.slice(0, i)}${d}${digits.slice(i + 1)}`);
    if (i + 1 < digits.length) out.add(`${digits.slice(0, i)}${digits[i + 1]}${digits[i]}${digits.slice(i + 2)}`);
  }
  out.delete(digits);
  return [...out].filter((r) => isValidOcr(r));
}

/**
 * The payments a person must place: unmatched ones (no or a wrong reference, a closed case) and
 * overpayments not yet paid back, oldest first, each with the cases it most likely belongs to.
 * Looking is audited.
 */
export async function listPaymentQueue(db: Db, input: { staffId: string }) {
  const rows = await db
    .select()
    .from(payments)
    .where(or(eq(payments.status, "unmatched"), and(eq(payments.status, "booked"), gt(payments.overpaymentOre, payments.refundedOre))))
    .orderBy(asc(payments.createdAt))
    .limit(200);

  const suggestionIds = new Map<string, Set<string>>();
  const add = (paymentId: string, caseId: string) => suggestionIds.set(paymentId, (suggestionIds.get(paymentId) ?? new Set()).add(caseId));
  const near = new Map<string, string[]>();
  for (const p of rows) {
    if (p.status !== "unmatched") continue;
    const suggested = (p.details as { suggestedCaseId?: string } | null)?.suggestedCaseId;
    if (suggested) add(p.id, suggested);
    if (p.ocrReference) near.set(p.id, nearReferences(p.ocrReference));
  }
  const allNear = [...new Set([...near.values()].flat())];
  if (allNear.length > 0) {
    const found = await db.select({ id: cases.id, ocr: cases.ocrReference }).from(cases).where(inArray(cases.ocrReference, allNear));
    for (const [paymentId, refs] of near) for (const c of found) if (refs.includes(c.ocr)) add(paymentId, c.id);
  }
  const surnames = [...new Set(rows.filter((p) => p.status === "unmatched" && p.payerName).map((p) => p.payerName!.trim().split(/\s+/).at(-1)!.toLowerCase()))];
  if (surnames.length > 0) {
    const byName = await db
      .select({ id: cases.id, surname: debtors.surname })
      .from(cases)
      .innerJoin(debtors, eq(debtors.id, cases.debtorId))
      .where(and(inArray(sql`lower(${debtors.surname})`, surnames), inArray(cases.status, ["open", "in_plan"])))
      .limit(500);
    for (const p of rows) {
      const surname = p.payerName?.trim().split(/\s+/).at(-1)?.toLowerCase();
      if (p.status === "unmatched" && surname) for (const c of byName) if (c.surname.toLowerCase() === surname) add(p.id, c.id);
    }
  }

  const caseIds = [...new Set([...rows.map((p) => p.caseId).filter((id): id is string => !!id), ...[...suggestionIds.values()].flatMap((s) => [...s])])];
  const caseRows = caseIds.length
    ? await db
        .select({ id: cases.id, caseNumber: cases.caseNumber, ocrReference: cases.ocrReference, status: cases.status, creditorName: creditors.name, givenName: debtors.givenName, surname: debtors.surname })
        .from(cases)
        .innerJoin(creditors, eq(creditors.id, cases.creditorId))
        .innerJoin(debtors, eq(debtors.id, cases.debtorId))
        .where(inArray(cases.id, caseIds))
    : [];
  const caseView = new Map(caseRows.map((c) => [c.id, { id: c.id, caseNumber: c.caseNumber, ocrReference: c.ocrReference, status: c.status, creditorName: c.creditorName, debtorName: `${c.givenName} ${c.surname}` }]));
  await recordAudit(db, { actorKind: "staff", actorId: input.staffId, action: "payment_queue.viewed", details: { items: rows.length } });

  return rows.map((p) => ({
    id: p.id,
    kind: p.status === "unmatched" ? ("unmatched" as const) : ("overpaid" as const),
    method: p.method,
    amountOre: p.amountOre,
    overpaymentOre: p.overpaymentOre,
    refundedOre: p.refundedOre,
    bookedOn: p.bookedOn,
    ocrReference: p.ocrReference,
    payerName: p.payerName,
    reason: p.unmatchedReason,
    case: p.caseId ? (caseView.get(p.caseId) ?? null) : null,
    suggestions: [...(suggestionIds.get(p.id) ?? [])].map((id) => caseView.get(id)).filter((c) => c !== undefined),
  }));
}

/**
 * A person places an unmatched payment on a case: it is settled in the creditor's order, like any
 * payment, in one transaction with its audit event. Only an unmatched payment not paid back can be
 * placed, so placing it twice is refused.
 */
export async function assignPayment(db: Db, input: { staffId: string; paymentId: string; caseId?: string; caseNumber?: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for("update");
    if (!payment) throw new DomainError("payment_not_found");
    if (payment.status !== "unmatched" || payment.refundedOre > 0) throw new DomainError("conflict_payment_not_unmatched");
    const which = input.caseId ? eq(cases.id, input.caseId) : input.caseNumber ? eq(cases.caseNumber, input.caseNumber.trim().toUpperCase()) : undefined;
    if (!which) throw new DomainError("case_not_found");
    const [target] = await tx.select({ id: cases.id, debtorId: cases.debtorId, status: cases.status }).from(cases).where(which).for("update");
    if (!target) throw new DomainError("case_not_found");
    if (target.status === "closed" || target.status === "sent_to_enforcement") throw new DomainError("conflict_case_closed");
    const today = todayInStockholm(input.now);
    const [ledger] = await loadDebtorLedgers(tx, { debtorId: target.debtorId, caseId: target.id, asOf: today });
    const balance = ledger!.balance;
    const { allocations, overpaymentOre } = balance.leftOre > 0 ? allocatePayment(payment.amountOre, balance, ledger!.policy?.allocationOrder ?? DEFAULT_ALLOCATION_ORDER) : { allocations: [], overpaymentOre: payment.amountOre };
    // The payment is on the case first: its allocations name the payment and that case together.
    await tx.update(payments).set({ caseId: target.id, status: "booked", overpaymentOre, unmatchedReason: null }).where(eq(payments.id, payment.id));
    if (allocations.length > 0) {
      await tx.insert(paymentAllocations).values(allocations.map((a) => ({ paymentId: payment.id, caseId: target.id, component: a.component, chargeId: a.chargeId ?? null, amountOre: a.amountOre, bookedOn: today })));
    }
    const paid = balance.leftOre - (payment.amountOre - overpaymentOre) <= 0;
    if (paid && target.status !== "paid") {
      await tx.update(cases).set({ status: "paid", interestStoppedOn: today, closedOn: today, updatedAt: input.now }).where(eq(cases.id, target.id));
      await cancelQueuedMessages(tx, eq(outbox.caseId, target.id));
    }
    await closeWorkItem(tx, "unmatched_payment", payment.id, input.now);
    if (overpaymentOre > 0) {
      const [info] = await tx.select({ caseNumber: cases.caseNumber, creditorId: cases.creditorId }).from(cases).where(eq(cases.id, target.id));
      await openWorkItem(tx, { kind: "overpayment", subjectId: payment.id, debtorId: target.debtorId, caseId: target.id, creditorId: info?.creditorId ?? null, dueBy: workItemDueBy("overpayment", input.now), summary: info?.caseNumber ?? null });
    }
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "payment.assigned", subjectKind: "payment", subjectId: payment.id, debtorId: target.debtorId, details: { caseId: target.id, amountOre: payment.amountOre, overpaymentOre } });
    return { paymentId: payment.id, caseId: target.id, overpaymentOre, casePaid: paid };
  });
}

/**
 * Pays back what is not ours to keep: the whole of an unmatched payment, or the rest of an
 * overpayment. A Swish payment is refunded through Swish; anything else is recorded for the payout
 * to the payer's account. The amount is reserved first, so the same öre is never refunded twice.
 */
export async function refundPayment(db: Db, deps: PaymentDeps, input: { staffId: string; paymentId: string; now: Date }) {
  const reserved = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for("update");
    if (!payment) throw new DomainError("payment_not_found");
    const refundable = payment.status === "unmatched" ? payment.amountOre - payment.refundedOre : payment.status === "booked" ? payment.overpaymentOre - payment.refundedOre : 0;
    if (refundable <= 0) throw new DomainError("conflict_nothing_to_refund");
    const viaSwish = payment.method === "swish" && !!payment.externalReference;
    const [refund] = await tx
      .insert(refunds)
      .values({ paymentId: payment.id, amountOre: refundable, method: viaSwish ? "swish" : "bank_transfer", staffUserId: input.staffId, externalId: viaSwish ? instructionUuid() : null })
      .returning();
    const fullyBack = payment.status === "unmatched" && payment.refundedOre + refundable === payment.amountOre;
    await tx.update(payments).set({ refundedOre: payment.refundedOre + refundable, ...(fullyBack ? { status: "refunded" as const } : {}) }).where(eq(payments.id, payment.id));
    // Paid back in full: nothing is left for a person to do.
    await closeWorkItem(tx, payment.status === "unmatched" ? "unmatched_payment" : "overpayment", payment.id, input.now);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "payment.refund_requested", subjectKind: "payment", subjectId: payment.id, details: { refundId: refund!.id, amountOre: refundable, method: refund!.method } });
    return { refund: refund!, payment };
  });
  const { refund, payment } = reserved;
  if (refund.method !== "swish") return { refundId: refund.id, method: refund.method, amountOre: refund.amountOre, status: refund.status };
  try {
    await deps.swish.createRefund(refund.externalId!, {
      originalPaymentReference: payment.externalReference!,
      callbackUrl: `${deps.baseUrl}/api/webhooks/swish`,
      payerAlias: deps.swishPayeeAlias,
      amount: swishAmount(refund.amountOre),
      currency: "SEK",
      message: "Kvitt återbetalning",
    });
    return { refundId: refund.id, method: refund.method, amountOre: refund.amountOre, status: refund.status };
  } catch {
    // Swish refused or was unreachable: the refund stays recorded as failed for a person to pay out by hand.
    await db.update(refunds).set({ status: "failed", settledAt: input.now }).where(eq(refunds.id, refund.id));
    return { refundId: refund.id, method: refund.method, amountOre: refund.amountOre, status: "failed" as const };
  }
}
