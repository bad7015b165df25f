import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { caseCredits, caseEvents, caseHolds, cases, debtors, disputes, outbox } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { disputeResumesOn, upholdCredits } from "../../domain/disputes";
import { DomainError } from "../../domain/errors";
import { computeCaseBalance } from "../../domain/ledger";
import { recordAudit } from "../audit/record";
import { lockAndLoad } from "../payments/book";
import { closeWorkItem } from "../work-items/work-items";

export type DisputeDecision =
  | { outcome: "uphold"; remedy: "cancel" }
  | { outcome: "uphold"; remedy: "reduce"; reduceOre: number }
  | { outcome: "reject" };

export interface DecideDispute {
  staffId: string;
  disputeId: string;
  decision: DisputeDecision;
  /** The written reason the debtor reads (required for a rejection). */
  reason: string;
  now: Date;
}

export interface DecisionResult {
  disputeId: string;
  status: "upheld" | "rejected";
  creditedOre: number;
  caseClosed: boolean;
  /** A rejection: the debtor's last day to take it further, and the day the case resumes. */
  lastDay: string | null;
  resumesOn: string | null;
  /** This decision had been made before; nothing changed. */
  repeated: boolean;
}

/**
 * A person decides a dispute, in one transaction with its audit event.
 *
 * Uphold: the claim is cancelled or reduced by a credit booked through the ledger (interest follows
 * a reduced principal; fees follow a cancelled claim), each credit once; the hold is lifted and a
 * case with nothing left is closed. Reject: the written reason is sent to the debtor, and the hold
 * stays until the debtor has had ten days to take it further; no payment order before then.
 * Either way the debtor is told through the outbox. Deciding the same dispute again the same way
 * changes nothing; deciding it another way is refused.
 */
export async function decideDispute(db: Queryable, input: DecideDispute): Promise<DecisionResult> {
  const reason = input.reason.trim();
  if (input.decision.outcome === "reject" && reason === "") throw new DomainError("invalid_decision_reason_required");
  if (reason.length > 5000) throw new DomainError("invalid_decision_reason_too_long");
  if (input.decision.outcome === "uphold" && input.decision.remedy === "reduce" && (!Number.isSafeInteger(input.decision.reduceOre) || input.decision.reduceOre <= 0)) {
    throw new DomainError("invalid_decision_amount");
  }
  const today = todayInStockholm(input.now);
  const status = input.decision.outcome === "uphold" ? ("upheld" as const) : ("rejected" as const);

  return db.transaction(async (tx) => {
    const [dispute] = await tx.select().from(disputes).where(eq(disputes.id, input.disputeId)).for("update");
    if (!dispute) throw new DomainError("dispute_not_found");
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action, subjectKind: "dispute", subjectId: dispute.id, debtorId: dispute.debtorId, details });
    if (dispute.status !== "open") {
      if (dispute.status !== status) throw new DomainError("conflict_dispute_decided");
      // The same decision sent twice (a double click, a retry): it stands as it was.
      await audit("dispute.decision_repeated", { status });
      const resume = dispute.toldOn && status === "rejected" ? disputeResumesOn(dispute.toldOn) : null;
      return { disputeId: dispute.id, status, creditedOre: dispute.creditedOre ?? 0, caseClosed: false, lastDay: resume?.lastDay ?? null, resumesOn: dispute.resumesOn, repeated: true };
    }

    const ledger = (await lockAndLoad(tx, [dispute.caseId])).get(dispute.caseId)!;
    const [debtor] = await tx.select({ channel: debtors.preferredChannel }).from(debtors).where(eq(debtors.id, dispute.debtorId));
    const hold = and(eq(caseHolds.disputeId, dispute.id), eq(caseHolds.kind, "dispute"), isNull(caseHolds.liftedAt));
    let creditedOre = 0;
    let caseClosed = false;
    let resume: { lastDay: string; resumesOn: string } | null = null;

    if (input.decision.outcome === "uphold") {
      const asOf = ledger.allocations.reduce((latest, a) => (a.bookedOn > latest ? a.bookedOn : latest), today);
      const ledgerInput = { ...ledger.input, allocations: ledger.allocations, asOf };
      const credits = upholdCredits(ledgerInput, input.decision.remedy, input.decision.remedy === "reduce" ? input.decision.reduceOre : 0);
      if (credits.length > 0) {
        await tx
          .insert(caseCredits)
          .values(
            credits.map((c) => ({
              caseId: dispute.caseId,
              disputeId: dispute.id,
              component: c.component,
              chargeId: c.chargeId ?? null,
              amountOre: c.amountOre,
              bookedOn: asOf,
              idempotencyKey: `dispute:${dispute.id}:${c.component}:${c.chargeId ?? ""}`,
              createdBy: input.staffId,
            })),
          )
          .onConflictDoNothing();
      }
      creditedOre = credits.reduce((s, c) => s + c.amountOre, 0);
      const after = computeCaseBalance({
        ...ledgerInput,
        credits: [...(ledgerInput.credits ?? []), ...credits.map((c, n) => ({ ...c, id: `new-${n}`, bookedOn: asOf }))],
      });
      caseClosed = after.leftOre <= 0;
      await tx.update(caseHolds).set({ liftedAt: input.now, liftedBy: input.staffId }).where(hold);
      await tx
        .update(cases)
        .set({
          disputed: false,
          updatedAt: input.now,
          ...(caseClosed ? { status: "closed" as const, closedOn: today, interestStoppedOn: ledger.input.interestStoppedOn ?? asOf } : {}),
        })
        .where(eq(cases.id, dispute.caseId));
      // A closed case gets no more reminders or letters.
      if (caseClosed) await tx.update(outbox).set({ status: "cancelled" }).where(and(eq(outbox.caseId, dispute.caseId), eq(outbox.status, "queued")));
    } else {
      resume = disputeResumesOn(today);
      await tx.update(caseHolds).set({ endsOn: resume.resumesOn }).where(hold);
      const [c] = await tx.select({ paymentOrderFrom: cases.paymentOrderFrom, dueDate: cases.dueDate }).from(cases).where(eq(cases.id, dispute.caseId));
      await tx
        .update(cases)
        .set({
          disputed: false,
          updatedAt: input.now,
          // No payment order, and no due date, before the debtor has had their ten days.
          paymentOrderFrom: c!.paymentOrderFrom && c!.paymentOrderFrom < resume.resumesOn ? resume.resumesOn : c!.paymentOrderFrom,
          dueDate: c!.dueDate < resume.resumesOn ? resume.resumesOn : c!.dueDate,
        })
        .where(eq(cases.id, dispute.caseId));
    }

    await tx
      .update(disputes)
      .set({
        status,
        remedy: input.decision.outcome === "uphold" ? input.decision.remedy : null,
        creditedOre: input.decision.outcome === "uphold" ? creditedOre : null,
        decisionReason: reason || null,
        decidedBy: input.staffId,
        decidedAt: input.now,
        toldOn: today,
        resumesOn: resume?.resumesOn ?? null,
      })
      .where(eq(disputes.id, dispute.id));
    await tx
      .insert(outbox)
      .values({
        debtorId: dispute.debtorId,
        caseId: dispute.caseId,
        channel: debtor!.channel,
        kind: "dispute_outcome",
        payload: { disputeId: dispute.id, outcome: status },
        dedupeKey: `dispute:${dispute.id}:outcome`,
        scheduledFor: input.now,
      })
      .onConflictDoNothing();
    await closeWorkItem(tx, "dispute", dispute.id, input.now);
    await tx.insert(caseEvents).values({ caseId: dispute.caseId, kind: status === "upheld" ? "dispute_upheld" : "dispute_rejected", occurredOn: today, details: dispute.id });
    await audit(status === "upheld" ? "dispute.upheld" : "dispute.rejected", {
      caseId: dispute.caseId,
      ...(input.decision.outcome === "uphold" ? { remedy: input.decision.remedy, creditedOre, caseClosed } : { resumesOn: resume!.resumesOn }),
    });
    return { disputeId: dispute.id, status, creditedOre, caseClosed, lastDay: resume?.lastDay ?? null, resumesOn: resume?.resumesOn ?? null, repeated: false };
  });
}
