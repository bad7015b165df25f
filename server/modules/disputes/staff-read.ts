import { asc, desc, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { cases, creditors, debtors, disputes, workItems } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import { listAttachments } from "../attachments/attachments";
import { recordAudit } from "../audit/record";
import { loadDebtorLedgers } from "../cases/load-ledgers";

/** Open disputes, the one due first on top, with their deadline. Looking is audited. */
export async function listOpenDisputes(db: Queryable, input: { staffId: string }) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ d: disputes, caseNumber: cases.caseNumber, creditorName: creditors.name, dueBy: workItems.dueBy })
      .from(disputes)
      .innerJoin(cases, eq(cases.id, disputes.caseId))
      .innerJoin(creditors, eq(creditors.id, cases.creditorId))
      .leftJoin(workItems, eq(workItems.subjectId, disputes.id))
      .where(eq(disputes.status, "open"))
      .orderBy(asc(workItems.dueBy), asc(disputes.createdAt))
      .limit(200);
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "disputes.viewed", details: { items: rows.length } });
    return rows.map((r) => ({
      id: r.d.id,
      caseNumber: r.caseNumber,
      creditorName: r.creditorName,
      reason: r.d.reason,
      part: r.d.part,
      disputedOre: r.d.disputedOre,
      createdAt: r.d.createdAt,
      dueBy: r.dueBy,
    }));
  });
}

/** One dispute with the case's balance as of today and the debtor's words. Looking is audited. */
export async function getStaffDispute(db: Queryable, input: { staffId: string; disputeId: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ d: disputes, givenName: debtors.givenName, surname: debtors.surname, dueBy: workItems.dueBy })
      .from(disputes)
      .innerJoin(debtors, eq(debtors.id, disputes.debtorId))
      .leftJoin(workItems, eq(workItems.subjectId, disputes.id))
      .where(eq(disputes.id, input.disputeId))
      .orderBy(desc(disputes.createdAt));
    if (!row) throw new DomainError("dispute_not_found");
    const [ledger] = await loadDebtorLedgers(tx, { debtorId: row.d.debtorId, caseId: row.d.caseId, asOf: todayInStockholm(input.now) });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "dispute.viewed", subjectKind: "dispute", subjectId: row.d.id, debtorId: row.d.debtorId });
    const b = ledger!.balance;
    return {
      id: row.d.id,
      status: row.d.status,
      reason: row.d.reason,
      part: row.d.part,
      disputedOre: row.d.disputedOre,
      description: row.d.description,
      createdAt: row.d.createdAt,
      dueBy: row.dueBy,
      debtorName: `${row.givenName} ${row.surname}`,
      remedy: row.d.remedy,
      creditedOre: row.d.creditedOre,
      decisionReason: row.d.decisionReason,
      decidedAt: row.d.decidedAt,
      resumesOn: row.d.resumesOn,
      files: (await listAttachments(tx, "dispute", [row.d.id])).map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes })),
      case: {
        id: ledger!.case.id,
        caseNumber: ledger!.case.caseNumber,
        creditorName: ledger!.creditor.name,
        invoiceNumber: ledger!.case.invoiceNumber,
        principalOre: b.principal.originalOre,
        principalLeftOre: b.principal.leftOre,
        interestLeftOre: b.interest.leftOre,
        feesLeftOre: b.fees.reduce((s, f) => s + f.leftOre, 0),
        paidOre: b.paidOre,
        leftOre: b.leftOre,
      },
    };
  });
}
