import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { cases, disputeDrafts } from "../../db/schema";
import { DISPUTE_REASONS, type DisputePart, type DisputeReason } from "../../domain/disputes";
import { DomainError } from "../../domain/errors";

export interface DisputeDraft {
  caseId: string;
  reason: DisputeReason;
  part: DisputePart;
  disputedOre: number;
  description: string;
}

/** The text a draft keeps at most, so a long paste is kept for the person to shorten, not stored without end. */
const DRAFT_TEXT_MAX = 20_000;

/**
 * Keeps the answers of a dispute not yet sent (the description, even one too long or empty, so
 * nothing typed is lost). Only on the debtor's own case.
 */
export async function saveDisputeDraft(db: Queryable, input: { debtorId: string; now: Date } & DisputeDraft): Promise<void> {
  if (!DISPUTE_REASONS.includes(input.reason)) throw new DomainError("invalid_dispute_reason");
  const [own] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)));
  if (!own) throw new DomainError("case_not_found");
  const values = { reason: input.reason, part: input.part, disputedOre: input.disputedOre, description: input.description.slice(0, DRAFT_TEXT_MAX), updatedAt: input.now };
  await db
    .insert(disputeDrafts)
    .values({ caseId: input.caseId, debtorId: input.debtorId, ...values })
    .onConflictDoUpdate({ target: [disputeDrafts.debtorId, disputeDrafts.caseId], set: values });
}

/** The debtor's draft for one of their cases, or null. */
export async function getDisputeDraft(db: Queryable, input: { debtorId: string; caseId: string }): Promise<DisputeDraft | null> {
  const [row] = await db
    .select()
    .from(disputeDrafts)
    .where(and(eq(disputeDrafts.debtorId, input.debtorId), eq(disputeDrafts.caseId, input.caseId)));
  return row ? { caseId: row.caseId, reason: row.reason, part: row.part, disputedOre: row.disputedOre, description: row.description } : null;
}
