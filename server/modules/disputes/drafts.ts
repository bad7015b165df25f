import { and, count, eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { attachments, cases, disputeDrafts } from "../../db/schema";
import { DISPUTE_REASONS, type DisputePart, type DisputeReason } from "../../domain/disputes";
import { DomainError } from "../../domain/errors";
import { ATTACHMENT_LIMITS, listAttachments, storeAttachments, validateUpload, type AttachmentInfo, type IncomingFile } from "../attachments/attachments";

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
  await requireOwnCase(db, input);
  const values = {
    reason: input.reason,
    part: input.part,
    disputedOre: input.disputedOre,
    description: input.description.slice(0, DRAFT_TEXT_MAX),
    fileError: null,
    fileErrorName: null,
    updatedAt: input.now,
  };
  await db
    .insert(disputeDrafts)
    .values({ caseId: input.caseId, debtorId: input.debtorId, ...values })
    .onConflictDoUpdate({ target: [disputeDrafts.debtorId, disputeDrafts.caseId], set: values });
}

export interface DisputeDraftView extends DisputeDraft {
  /** Files already chosen, kept on the draft until the dispute is sent. */
  files: AttachmentInfo[];
  /** Why the last files were refused (and which), until the next save. */
  fileError: { code: string; fileName: string | null } | null;
}

async function ownDraft(db: Queryable, input: { debtorId: string; caseId: string }) {
  const [row] = await db
    .select()
    .from(disputeDrafts)
    .where(and(eq(disputeDrafts.debtorId, input.debtorId), eq(disputeDrafts.caseId, input.caseId)));
  return row ?? null;
}

/** The debtor's draft for one of their cases, with its files, or null. */
/** The debtor's own case, else not found: the same answer whether another person's case exists or not. */
async function requireOwnCase(db: Queryable, input: { debtorId: string; caseId: string }): Promise<void> {
  const [own] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, input.caseId), eq(cases.debtorId, input.debtorId)));
  if (!own) throw new DomainError("case_not_found");
}

export async function getDisputeDraft(db: Queryable, input: { debtorId: string; caseId: string }): Promise<DisputeDraftView | null> {
  const row = await ownDraft(db, input);
  if (!row) {
    await requireOwnCase(db, input);
    return null;
  }
  return {
    caseId: row.caseId,
    reason: row.reason,
    part: row.part,
    disputedOre: row.disputedOre,
    description: row.description,
    files: await listAttachments(db, "dispute_draft", [row.id]),
    fileError: row.fileError ? { code: row.fileError, fileName: row.fileErrorName } : null,
  };
}

export type AttachResult = { ok: true; stored: number } | { ok: false; code: string; fileName: string | null };

/**
 * Files for a dispute not yet sent, checked by their content and kept on the draft (at most five
 * in all). A refusal stores nothing and is kept on the draft, so the page can say which file and
 * why without putting a file name in the address.
 */
export async function attachDisputeFiles(db: Queryable, input: { debtorId: string; caseId: string; files: IncomingFile[]; now: Date }): Promise<AttachResult> {
  if (input.files.length === 0) {
    await requireOwnCase(db, input);
    return { ok: true, stored: 0 };
  }
  return db.transaction(async (tx) => {
    const draft = await ownDraft(tx, input);
    if (!draft) throw new DomainError("dispute_draft_not_found");
    const [held] = await tx
      .select({ n: count() })
      .from(attachments)
      .where(and(eq(attachments.ownerKind, "dispute_draft"), eq(attachments.ownerId, draft.id)));
    const check =
      (held?.n ?? 0) + input.files.length > ATTACHMENT_LIMITS.maxFiles ? { ok: false as const, code: "too_many_files" as const } : await validateUpload(input.files);
    if (!check.ok) {
      const fileName = "fileName" in check ? (check.fileName ?? null) : null;
      await tx.update(disputeDrafts).set({ fileError: check.code, fileErrorName: fileName, updatedAt: input.now }).where(eq(disputeDrafts.id, draft.id));
      return { ok: false as const, code: check.code, fileName };
    }
    const stored = await storeAttachments(tx, { kind: "dispute_draft", id: draft.id, debtorId: input.debtorId, uploadedBy: "debtor" }, check.files);
    return { ok: true as const, stored: stored.length };
  });
}

/** Takes one chosen file off a dispute not yet sent (only the debtor's own; anything else is not found). */
export async function removeDisputeFile(db: Queryable, input: { debtorId: string; caseId: string; attachmentId: string }): Promise<void> {
  const draft = await ownDraft(db, input);
  if (!draft) throw new DomainError("dispute_draft_not_found");
  const gone = await db
    .delete(attachments)
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        eq(attachments.ownerKind, "dispute_draft"),
        eq(attachments.ownerId, draft.id),
        eq(attachments.debtorId, input.debtorId),
      ),
    )
    .returning({ id: attachments.id });
  if (gone.length === 0) throw new DomainError("attachment_not_found");
}
