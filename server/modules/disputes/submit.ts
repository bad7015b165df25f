import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { attachments, caseEvents, caseHolds, cases, disputeDrafts, disputes } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DISPUTE_DESCRIPTION_MAX, DISPUTE_REASONS, disputeAnswerDue, disputedAmount, type DisputePart, type DisputeReason } from "../../domain/disputes";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit/record";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { openWorkItem } from "../work-items/work-items";

export interface SubmitDispute {
  debtorId: string;
  caseId: string;
  reason: DisputeReason;
  part: DisputePart;
  /** For a part: the amount disputed, in öre. */
  amountOre: number | null;
  description: string;
  now: Date;
}

/** A moment on a Stockholm day, at the close of business (17:00 local time). */
export function closeOfBusiness(day: string): Date {
  const probe = new Date(`${day}T12:00:00Z`);
  const local = new Date(probe.toLocaleString("en-US", { timeZone: "Europe/Stockholm" }));
  const offsetMs = local.getTime() - new Date(probe.toLocaleString("en-US", { timeZone: "UTC" })).getTime();
  return new Date(new Date(`${day}T17:00:00Z`).getTime() - offsetMs);
}

/**
 * The debtor disputes one of their cases. In one transaction: the dispute, a hold on the case
 * (every automated step stops until a person lifts it), the case marked disputed, the staff
 * queue's item with its deadline (10 bank days), a case event and the audit event; the draft is
 * gone. Anything invalid writes nothing.
 */
export async function submitDispute(db: Queryable, input: SubmitDispute) {
  if (!DISPUTE_REASONS.includes(input.reason)) throw new DomainError("invalid_dispute_reason");
  const description = input.description.trim();
  if (description === "") throw new DomainError("invalid_dispute_description_required");
  if (description.length > DISPUTE_DESCRIPTION_MAX) throw new DomainError("invalid_dispute_description_too_long");
  const today = todayInStockholm(input.now);

  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: cases.id, status: cases.status, caseNumber: cases.caseNumber, creditorId: cases.creditorId })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)))
      .for("update");
    if (!locked) throw new DomainError("case_not_found");
    const [ledger] = await loadDebtorLedgers(tx, { debtorId: input.debtorId, caseId: input.caseId, asOf: today });
    if (!ledger) throw new DomainError("case_not_found");
    if (locked.status === "paid" || locked.status === "closed" || locked.status === "sent_to_enforcement") throw new DomainError("conflict_case_closed");
    if (ledger.dispute?.status === "open") throw new DomainError("conflict_dispute_open");
    const amount = disputedAmount({ part: input.part, amountOre: input.amountOre, leftOre: ledger.balance.leftOre });
    if (!amount.ok) throw new DomainError(`invalid_dispute_${amount.error}`);

    const [dispute] = await tx
      .insert(disputes)
      .values({ caseId: input.caseId, debtorId: input.debtorId, reason: input.reason, description, part: amount.part, disputedOre: amount.disputedOre, createdAt: input.now })
      .returning({ id: disputes.id });
    const disputeId = dispute!.id;
    await tx.insert(caseHolds).values({ caseId: input.caseId, kind: "dispute", disputeId, reason: "dispute", startedAt: input.now });
    await tx.update(cases).set({ disputed: true, updatedAt: input.now }).where(eq(cases.id, input.caseId));
    const answerBy = disputeAnswerDue(today);
    await openWorkItem(tx, {
      kind: "dispute",
      subjectId: disputeId,
      debtorId: input.debtorId,
      caseId: input.caseId,
      creditorId: locked.creditorId,
      dueBy: closeOfBusiness(answerBy),
      summary: `Invändning om ${locked.caseNumber}`,
    });
    await tx.insert(caseEvents).values({ caseId: input.caseId, kind: "dispute_made", occurredOn: today, details: disputeId });
    const ownDraft = and(eq(disputeDrafts.debtorId, input.debtorId), eq(disputeDrafts.caseId, input.caseId));
    const [draft] = await tx.select({ id: disputeDrafts.id }).from(disputeDrafts).where(ownDraft);
    // The files chosen while answering go with the dispute.
    const files = draft
      ? await tx
          .update(attachments)
          .set({ ownerKind: "dispute", ownerId: disputeId })
          .where(and(eq(attachments.ownerKind, "dispute_draft"), eq(attachments.ownerId, draft.id), eq(attachments.debtorId, input.debtorId)))
          .returning({ id: attachments.id })
      : [];
    await tx.delete(disputeDrafts).where(ownDraft);
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: input.debtorId,
      action: "dispute.made",
      subjectKind: "dispute",
      subjectId: disputeId,
      debtorId: input.debtorId,
      details: { caseId: input.caseId, reason: input.reason, part: amount.part, disputedOre: amount.disputedOre, files: files.length },
    });
    return { disputeId, part: amount.part, disputedOre: amount.disputedOre, answerBy };
  });
}
