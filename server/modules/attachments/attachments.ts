import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { attachments } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit/record";
import { postgresAttachmentStore, type AttachmentStore } from "./store";
import type { CheckedFile } from "./validate";

export { ATTACHMENT_LIMITS, validateUpload, type CheckedFile, type IncomingFile, type UploadCheck, type UploadRefusal } from "./validate";

/** What an attachment hangs on. Add a kind here when a new kind of request takes files. */
export type AttachmentOwnerKind = "message" | "dispute" | "dispute_draft" | "complaint";

export interface AttachmentOwner {
  kind: AttachmentOwnerKind;
  id: string;
  /** Whose files these are: every later read is checked against this person. */
  debtorId: string;
  uploadedBy: "debtor" | "staff";
}

export interface AttachmentInfo {
  id: string;
  ownerKind: string;
  ownerId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
}

export interface AttachmentFile {
  id: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

const info = {
  id: attachments.id,
  ownerKind: attachments.ownerKind,
  ownerId: attachments.ownerId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  createdAt: attachments.createdAt,
};

/**
 * Stores checked files on their owner. Call it inside the transaction that creates the owner (the
 * message, the dispute), so a refusal or a failure leaves nothing behind.
 */
export async function storeAttachments(
  tx: Queryable,
  owner: AttachmentOwner,
  files: CheckedFile[],
  store: AttachmentStore = postgresAttachmentStore,
): Promise<AttachmentInfo[]> {
  const stored: AttachmentInfo[] = [];
  for (const file of files) {
    const [row] = await tx
      .insert(attachments)
      .values({
        ownerKind: owner.kind,
        ownerId: owner.id,
        debtorId: owner.debtorId,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        uploadedBy: owner.uploadedBy,
      })
      .returning(info);
    await store.put(tx, row!.id, file.bytes);
    stored.push(row!);
  }
  return stored;
}

/** The files on some owners (messages of a thread, a dispute), oldest first, without their bytes. */
export async function listAttachments(db: Queryable, kind: AttachmentOwnerKind, ownerIds: string[]): Promise<AttachmentInfo[]> {
  if (ownerIds.length === 0) return [];
  return db
    .select(info)
    .from(attachments)
    .where(and(eq(attachments.ownerKind, kind), inArray(attachments.ownerId, ownerIds)))
    .orderBy(asc(attachments.createdAt), asc(attachments.fileName));
}

async function readOne(db: Queryable, where: ReturnType<typeof and>, store: AttachmentStore): Promise<(AttachmentFile & { debtorId: string }) | null> {
  const [row] = await db
    .select({ id: attachments.id, fileName: attachments.fileName, contentType: attachments.contentType, debtorId: attachments.debtorId })
    .from(attachments)
    .where(where);
  if (!row) return null;
  const bytes = await store.get(db, row.id);
  return bytes ? { ...row, bytes } : null;
}

/** One of the debtor's own files; anyone else's, or a wrong id, is not found. */
export async function readAttachmentForDebtor(
  db: Queryable,
  input: { debtorId: string; attachmentId: string },
  store: AttachmentStore = postgresAttachmentStore,
): Promise<AttachmentFile> {
  const file = await readOne(db, and(eq(attachments.id, input.attachmentId), eq(attachments.debtorId, input.debtorId)), store);
  if (!file) throw new DomainError("attachment_not_found");
  return { id: file.id, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes };
}

/** A file read by staff: the look is audited in the same transaction as the read. */
export async function readAttachmentForStaff(
  db: Db,
  input: { staffId: string; attachmentId: string },
  store: AttachmentStore = postgresAttachmentStore,
): Promise<AttachmentFile> {
  return db.transaction(async (tx) => {
    const file = await readOne(tx, and(eq(attachments.id, input.attachmentId)), store);
    if (!file) throw new DomainError("attachment_not_found");
    await recordAudit(tx, {
      actorKind: "staff",
      actorId: input.staffId,
      action: "attachment.read",
      subjectKind: "attachment",
      subjectId: file.id,
      debtorId: file.debtorId,
    });
    return { id: file.id, fileName: file.fileName, contentType: file.contentType, bytes: file.bytes };
  });
}

/** The HTTP answer for a download: always saved, never shown inline or sniffed by the browser. */
export function attachmentResponse(file: AttachmentFile): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
